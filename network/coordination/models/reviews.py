"""Individual reviews (bilans individuels): the coordinator's private record of each meeting with a
promeneur, and the rule that says whose review is due."""

import calendar
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from network.directory.models import Promeneur
from workspace.display import of, person_name
from workspace.fields import by_user


def months_before(day, months):
    """The same day ``months`` months earlier (the last day of that month when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_interval_months():
    return settings.REVIEW_INTERVAL_MONTHS


class IndividualReviewQuerySet(models.QuerySet):
    def held_between(self, start=None, end=None):
        """Reviews whose date is in [start, end], either bound optional."""
        reviews = self
        if start:
            reviews = reviews.filter(date__gte=start)
        if end:
            reviews = reviews.filter(date__lte=end)
        return reviews


class IndividualReview(models.Model):
    class Kind(models.TextChoices):
        START = "prise_de_poste", "Prise de poste"
        REGULAR = "bilan_regulier", "Bilan régulier"
        END = "fin_de_mandat", "Fin de mandat"

    # Private notes about a person: they go with the person's record if it is ever deleted.
    promeneur = models.ForeignKey(
        Promeneur, verbose_name="Promeneur", on_delete=models.CASCADE, related_name="individual_reviews"
    )
    date = models.DateField("Date du bilan", default=timezone.localdate)
    kind = models.CharField("Type de bilan", max_length=20, choices=Kind.choices, default=Kind.REGULAR)
    notes = models.TextField(
        "Notes privées", blank=True, help_text="Lisibles par la coordination seulement, jamais par le promeneur."
    )
    objectives = models.TextField("Objectifs convenus", blank=True)
    next_review_on = models.DateField(
        "Prochain bilan le",
        null=True,
        blank=True,
        help_text="Laissé vide, le prochain bilan est dû après la période habituelle entre deux bilans "
        "(douze mois, sauf réglage contraire).",
    )
    written_by = by_user("Rédigé par", editable=False)
    created_at = models.DateTimeField("Créé le", auto_now_add=True)
    updated_at = models.DateTimeField("Modifié le", auto_now=True)

    objects = IndividualReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "Bilan individuel"
        verbose_name_plural = "Bilans individuels"
        indexes = [models.Index(fields=["promeneur", "-date"])]

    def __str__(self):
        return f"{self.get_kind_display()} {of(self.promeneur)} du {self.date:%d/%m/%Y}"

    def clean(self):
        super().clean()
        if self.date and self.next_review_on and self.next_review_on < self.date:
            raise ValidationError(
                {
                    "next_review_on": "La date du prochain bilan ne peut pas être avant celle de ce bilan "
                    f"({self.date:%d/%m/%Y})."
                }
            )

    def promeneur_name(self):
        return self.promeneur.full_name

    promeneur_name.short_description = "Promeneur"
    promeneur_name.admin_order_field = "promeneur__last_name"

    def structure_name(self):
        return self.promeneur.structure.name if self.promeneur.structure else ""

    structure_name.short_description = "Structure"

    def written_by_name(self):
        return person_name(self.written_by)

    written_by_name.short_description = "Rédigé par"


def with_review_dates(promeneurs):
    """Annotate ``last_review_on`` and ``next_review_on``: the date of each promeneur's latest review
    and the next date it set (both None without a review)."""
    latest = IndividualReview.objects.filter(promeneur=OuterRef("pk")).order_by("-date", "-pk")
    return promeneurs.annotate(
        last_review_on=Subquery(latest.values("date")[:1]),
        next_review_on=Subquery(latest.values("next_review_on")[:1]),
    )


def due_for_review(promeneurs=None, today=None, interval_months=None):
    """Active promeneurs whose individual review is due or overdue, the longest without one first:
    never reviewed, or last reviewed more than ``interval_months`` ago (REVIEW_INTERVAL_MONTHS by
    default), or whose next review date (set at the last review) has come."""
    today = today or timezone.localdate()
    interval_months = review_interval_months() if interval_months is None else interval_months
    cutoff = months_before(today, interval_months)
    promeneurs = Promeneur.objects.all() if promeneurs is None else promeneurs
    return (
        with_review_dates(promeneurs.active().filter(anonymised_at__isnull=True))
        .filter(Q(last_review_on__isnull=True) | Q(last_review_on__lte=cutoff) | Q(next_review_on__lte=today))
        .order_by(F("last_review_on").asc(nulls_first=True), F("entry_date").asc(nulls_first=True), "last_name", "pk")
    )
