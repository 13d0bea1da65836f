"""Applications to join the network (/devenir-promeneur/) and their follow-up by the coordinator."""

from django.db import models
from django.utils import timezone

from network.directory.models import SocialProfile, Structure
from workspace.display import FEMININE
from workspace.fields import by_user, optional_link

NETWORK_LABELS = dict(SocialProfile.Network.choices)


class Application(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "recue", "Reçue"
        UNDER_STUDY = "etude", "À l'étude"
        ACCEPTED = "acceptee", "Acceptée"
        REFUSED = "refusee", "Refusée"

    structure_name = models.CharField("Structure", max_length=200)
    address = models.CharField("Adresse", max_length=255)
    # Text for now: it can become a foreign key to the directory's communes.
    town = models.CharField("Commune", max_length=120)
    contact_first_name = models.CharField("Prénom du contact", max_length=80)
    contact_last_name = models.CharField("Nom du contact", max_length=80)
    contact_role = models.CharField("Fonction du contact", max_length=120)
    contact_email = models.EmailField("E-mail du contact")
    contact_phone = models.CharField("Téléphone du contact", max_length=30)
    professionals_count = models.PositiveSmallIntegerField("Nombre de professionnels concernés")
    networks = models.JSONField("Réseaux sociaux utilisés", default=list, blank=True)
    motivation = models.TextField("Motivation")
    received_at = models.DateTimeField("Reçue le", default=timezone.now)
    status = models.CharField("Statut", max_length=20, choices=Status.choices, default=Status.RECEIVED)
    notes = models.TextField("Notes de suivi", blank=True)
    decided_at = models.DateTimeField("Décidée le", null=True, blank=True, editable=False)
    structure = optional_link(Structure, "Structure de l'annuaire", related_name="applications", editable=False)
    invited_user = by_user("Compte invité", editable=False)
    invitation_sent_at = models.DateTimeField("Invitation envoyée le", null=True, blank=True, editable=False)

    # Who applies: the structure and its contact, in the order the public form asks them and the export lists them.
    IDENTITY_FIELDS = (
        "structure_name",
        "address",
        "town",
        "contact_first_name",
        "contact_last_name",
        "contact_role",
        "contact_email",
        "contact_phone",
        "professionals_count",
    )

    grammatical_gender = FEMININE  # « une … » in the admin's sentences (workspace/display.Noun)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = "Candidature"
        verbose_name_plural = "Candidatures"

    def __str__(self):
        return f"{self.structure_name} ({self.town})"

    def save(self, *args, **kwargs):
        self.date_the_decision()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "status" in update_fields:
            kwargs["update_fields"] = {*update_fields, "decided_at"}
        super().save(*args, **kwargs)

    def date_the_decision(self):
        """A refusal is a decision too: « Décidée le » (page and export) says when. An application
        reopened (back to received or under study) has no decision any more. Accepting dates itself
        (joining.accept_application)."""
        if self.status == self.Status.REFUSED and self.decided_at is None:
            self.decided_at = timezone.now()
        elif self.is_open:
            self.decided_at = None

    @property
    def contact_name(self):
        return f"{self.contact_first_name} {self.contact_last_name}".strip()

    def contact(self):
        return f"{self.contact_name}, {self.contact_role}"

    contact.short_description = "Contact"

    def network_names(self):
        return ", ".join(NETWORK_LABELS.get(code, code) for code in self.networks)

    network_names.short_description = "Réseaux utilisés"

    @property
    def is_open(self):
        return self.status in (self.Status.RECEIVED, self.Status.UNDER_STUDY)
