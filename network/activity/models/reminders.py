"""The reminders sent to the promeneurs whose monthly grid is missing, one record per sending."""

from django.db import models

from network.activity.models.grids import of_month
from workspace.fields import by_user


class GridReminder(models.Model):
    month = models.DateField("Mois concerné", help_text="Le premier jour du mois dont la grille manque.")
    sent_at = models.DateTimeField("Envoyé le", auto_now_add=True)
    # Empty when the scheduled command sent it.
    sent_by = by_user("Envoyé par")
    recipients = models.PositiveIntegerField("Promeneurs relancés", default=0)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = "Relance des grilles manquantes"
        verbose_name_plural = "Relances des grilles manquantes"
        indexes = [models.Index(fields=["month", "-sent_at"])]

    def __str__(self):
        return f"Relance des grilles {of_month(self.month)}"
