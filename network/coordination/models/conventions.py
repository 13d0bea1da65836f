"""Conventions between a structure and the Caf: what the structure commits (promeneurs, weekly
hours), what the Caf pays, from when to when, and the signed document."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from network.directory.models import Promeneur, Structure
from workspace.display import FEMININE
from workspace.fields import optional_link, quantity

ENDING_SOON_DAYS = 60


def today():
    return timezone.localdate()


class ConventionQuerySet(models.QuerySet):
    def running(self, day=None):
        """Signed or marked running, and covering ``day`` (today by default)."""
        day = day or today()
        return self.filter(status__in=Convention.IN_FORCE, start_date__lte=day, end_date__gte=day)

    def ending_soon(self, day=None, days=ENDING_SOON_DAYS):
        """In force and ending within ``days`` days, or already past their end while still in force
        (to renew or to close): the soonest first."""
        day = day or today()
        return self.filter(status__in=Convention.IN_FORCE, end_date__lte=day + datetime.timedelta(days=days)).order_by(
            "end_date", "reference"
        )


def following_period(start_date, end_date):
    """(start, end) of the period of the same length that follows [start_date, end_date]: whole
    months stay whole months (1 January - 31 December gives the next calendar year, leap or not;
    15 March - 14 September gives 15 September - 14 March), other periods keep their days."""
    start = end_date + datetime.timedelta(days=1)
    if start.day != start_date.day or start.day > 28:
        return start, start + (end_date - start_date)
    months = (start.year - start_date.year) * 12 + start.month - start_date.month
    year, month = divmod(start.month - 1 + months, 12)
    return start, datetime.date(start.year + year, month + 1, start.day) - datetime.timedelta(days=1)


class Convention(models.Model):
    class Status(models.TextChoices):
        DRAFT = "brouillon", "Brouillon"
        SIGNED = "signee", "Signée"
        RUNNING = "en_cours", "En cours"
        ENDED = "terminee", "Terminée"

    IN_FORCE = (Status.SIGNED, Status.RUNNING)

    reference = models.CharField(
        "Référence", max_length=60, unique=True, error_messages={"unique": "Une convention porte déjà cette référence."}
    )
    structure = models.ForeignKey(
        Structure, verbose_name="Structure", on_delete=models.PROTECT, related_name="conventions"
    )
    promeneurs = models.ManyToManyField(
        Promeneur, verbose_name="Promeneurs couverts", blank=True, related_name="conventions"
    )
    start_date = models.DateField("Début")
    end_date = models.DateField("Fin")
    weekly_hours = quantity(
        "Heures hebdomadaires engagées",
        "Le nombre d'heures ne peut pas être négatif.",
        max_digits=5,
        decimal_places=1,
        help_text="Présence en ligne par semaine que la structure s'engage à dégager, tous promeneurs confondus.",
    )
    amount = quantity("Montant (€)", "Le montant ne peut pas être négatif.", max_digits=10, decimal_places=2)
    status = models.CharField("Statut", max_length=20, choices=Status.choices, default=Status.DRAFT)
    signed_document = optional_link("wagtaildocs.Document", "Convention signée", related_name="+")
    notes = models.TextField("Notes", blank=True)
    created_at = models.DateTimeField("Créée le", auto_now_add=True)
    updated_at = models.DateTimeField("Modifiée le", auto_now=True)

    objects = ConventionQuerySet.as_manager()

    grammatical_gender = FEMININE  # « une … » in the admin's sentences (workspace/display.Noun)

    class Meta:
        ordering = ["-end_date", "reference"]
        verbose_name = "Convention"
        verbose_name_plural = "Conventions"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="convention_ends_after_it_starts",
                violation_error_message="La date de fin doit suivre la date de début.",
            )
        ]

    def __str__(self):
        return f"{self.reference} — {self.structure}" if self.structure_id else self.reference

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": "La date de fin doit suivre la date de début : vérifiez les deux dates."}
            )

    def days_left(self, day=None):
        return (self.end_date - (day or today())).days

    def renewal_initial(self):
        """The form's values for the convention that follows this one: same structure, promeneurs
        still active, hours and amount, a period of the same length starting the day after it ends."""
        start, end = following_period(self.start_date, self.end_date)
        return {
            "structure": self.structure_id,
            "promeneurs": [promeneur.pk for promeneur in self.promeneurs.all() if promeneur.is_active],
            "start_date": start,
            "end_date": end,
            "weekly_hours": self.weekly_hours,
            "amount": self.amount,
            "notes": f"Renouvellement de la convention {self.reference}.",
        }

    def structure_name(self):
        return self.structure.name

    structure_name.short_description = "Structure"

    def promeneur_names(self):
        return ", ".join(promeneur.full_name for promeneur in self.promeneurs.all())

    promeneur_names.short_description = "Promeneurs couverts"

    def has_signed_document(self):
        return self.signed_document_id is not None

    has_signed_document.short_description = "Document signé"
    has_signed_document.boolean = True
