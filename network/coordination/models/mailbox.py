"""The network's mailbox: messages sent from /contact/, kept for the coordinator's follow-up."""

from django.db import models
from django.utils import timezone


class ContactMessage(models.Model):
    class Status(models.TextChoices):
        NEW = "nouveau", "Nouveau"
        ANSWERED = "repondu", "Répondu"
        CLOSED = "clos", "Clos"

    name = models.CharField("Nom", max_length=120)
    email = models.EmailField("E-mail")
    subject = models.CharField("Objet", max_length=200)
    message = models.TextField("Message")
    received_at = models.DateTimeField("Reçu le", default=timezone.now)
    status = models.CharField("Statut", max_length=20, choices=Status.choices, default=Status.NEW)
    notes = models.TextField("Notes de suivi", blank=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = "Message reçu"
        verbose_name_plural = "Messages reçus"

    def __str__(self):
        return f"{self.subject} ({self.name})"
