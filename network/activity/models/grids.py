"""Monthly activity grids of the promeneurs and the coordinator's journal.

A grid holds counts and themes only, never anything that identifies a young
person. It stays linked to its promeneur when the directory anonymises a member
who leaves (in place), so the network's figures keep their history.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel

from network.activity import rules
from network.directory.models.people import Promeneur, SocialProfile, Structure, Theme
from workspace.display import FEMININE, of
from workspace.fields import by_user, optional_link, quantity

NO_IDENTIFICATION = "N'indiquez rien qui permette d'identifier un jeune (nom, pseudo, établissement, lieu précis…)."
MAX_HOURS_PER_WEEK = 40
MAX_MONTHLY_COUNT = 5000
TOO_MANY_HOURS = (
    f"Au plus {MAX_HOURS_PER_WEEK} heures par semaine : indiquez le temps moyen passé en ligne comme Promeneur du Net."
)
FIRST_MONTH = datetime.date(2015, 1, 1)
TOO_MANY_NEW = "Les nouveaux jeunes font partie des jeunes accompagnés : ce nombre est trop grand."


def first_of_month(day):
    return day.replace(day=1)


def current_month():
    return first_of_month(timezone.localdate())


def previous_month(month=None):
    month = month or current_month()
    return first_of_month(month - datetime.timedelta(days=1))


def is_finished(month, today=None):
    """Whether ``month`` is over. Until it is, its grids are still to come: its figures are not yet
    known, and a zero there would read as a month without activity."""
    return month < (first_of_month(today) if today else current_month())


def add_months(month, count):
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def expected_month(promeneur, today=None):
    """The month whose grid ``promeneur`` owes now: last month, once over, if they were an active
    member of the network during it (as the expected-grids count reads it); None otherwise."""
    month = previous_month(first_of_month(today) if today else None)
    month_end = add_months(month, 1) - datetime.timedelta(days=1)
    if not promeneur.is_active or (promeneur.entry_date and promeneur.entry_date > month_end):
        return None
    if promeneur.exit_date and promeneur.exit_date < month:
        return None
    return month


def month_to_fill(promeneur, today=None):
    """The month a new grid is for, unless the promeneur picks another: the month they owe
    (``expected_month``) if it has no grid yet, else the current month if it has none; None
    when both have one. A draft already started is completed from "Mes grilles", not begun again."""
    this_month = first_of_month(today) if today else current_month()
    candidates = [month for month in (expected_month(promeneur, today), this_month) if month]
    taken = set(promeneur.activity_grids.filter(month__in=candidates).values_list("month", flat=True))
    return next((month for month in candidates if month not in taken), None)


def months_between(start, end):
    """First days of the months from ``start`` to ``end`` included."""
    months, month = [], first_of_month(start)
    while month <= end:
        months.append(month)
        month = add_months(month, 1)
    return months


def count_field(label):
    return models.PositiveIntegerField(
        label,
        default=0,
        validators=[
            MaxValueValidator(MAX_MONTHLY_COUNT, f"Au plus {MAX_MONTHLY_COUNT} par mois : vérifiez ce nombre."),
        ],
    )


class Device(models.TextChoices):
    COMPUTER = "ordinateur", "Ordinateur"
    WORK_PHONE = "smartphone_pro", "Smartphone professionnel"
    TABLET = "tablette", "Tablette"
    PERSONAL_PHONE = "smartphone_perso", "Smartphone personnel"


class ActivityGridQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=ActivityGrid.Status.SUBMITTED)

    def between(self, start, end):
        return self.filter(month__gte=first_of_month(start), month__lte=end)

    def support_requests(self):
        """Grids whose promeneur asked the coordination for support, not yet handled."""
        return self.exclude(support_needed="").filter(support_handled_at__isnull=True)

    def for_user(self, user):
        """The grids ``user`` may read: their own, or all of them for the coordination."""
        if rules.can_read_all_grids(user):
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(promeneur__user=user)


class ActivityGrid(models.Model):
    class Status(models.TextChoices):
        DRAFT = "brouillon", "Brouillon"
        SUBMITTED = "transmise", "Transmise"
        REOPENED = "rouverte", "Rouverte par la coordination"

    # A promeneur who leaves is anonymised in place; if their record is ever deleted, their grids
    # stay as anonymous counts in the network's figures.
    promeneur = models.ForeignKey(
        Promeneur,
        verbose_name="Promeneur",
        null=True,
        on_delete=models.SET_NULL,
        related_name="activity_grids",
    )
    month = models.DateField("Mois", help_text="Le premier jour du mois concerné.")
    status = models.CharField("État", max_length=20, choices=Status.choices, default=Status.DRAFT)
    hours_per_week = quantity(
        "Heures en ligne par semaine",
        "Le nombre d'heures ne peut pas être négatif.",
        max_digits=4,
        decimal_places=1,
        validators=[MaxValueValidator(MAX_HOURS_PER_WEEK, TOO_MANY_HOURS)],
        help_text="En moyenne sur le mois, par exemple 4 ou 2,5.",
    )
    devices = models.JSONField("Outils utilisés", default=list, blank=True)
    themes = models.ManyToManyField(
        Theme, verbose_name="Thématiques abordées", blank=True, related_name="activity_grids"
    )
    actions_planned = models.TextField("Actions prévues", blank=True, help_text=NO_IDENTIFICATION)
    support_needed = models.TextField(
        "Besoin d'appui de la coordination",
        blank=True,
        help_text="La coordination est prévenue dès l'enregistrement. " + NO_IDENTIFICATION,
    )
    training_wishes = models.TextField("Souhaits de formation", blank=True)
    difficulties = models.TextField("Difficultés rencontrées", blank=True, help_text=NO_IDENTIFICATION)
    created_at = models.DateTimeField("Créée le", auto_now_add=True)
    updated_at = models.DateTimeField("Modifiée le", auto_now=True)
    submitted_at = models.DateTimeField("Transmise le", null=True, blank=True)
    reopened_at = models.DateTimeField("Rouverte le", null=True, blank=True)
    support_handled_at = models.DateTimeField("Appui traité le", null=True, blank=True, editable=False)
    support_handled_by = by_user("Appui traité par", editable=False)

    objects = ActivityGridQuerySet.as_manager()

    grammatical_gender = FEMININE  # « une … » in the admin's sentences (workspace/display.Noun)

    class Meta:
        ordering = ["-month", "promeneur__last_name"]
        verbose_name = "Grille d'activité"
        verbose_name_plural = "Grilles d'activité"
        constraints = [
            models.UniqueConstraint(fields=["promeneur", "month"], name="one_activity_grid_per_month"),
        ]
        indexes = [
            models.Index(fields=["month", "status"]),
            # The cockpit's support requests (ActivityGridQuerySet.support_requests), oldest first:
            # the few grids waiting, without scanning the others.
            models.Index(
                fields=["updated_at", "id"],
                condition=models.Q(support_handled_at__isnull=True) & ~models.Q(support_needed=""),
                name="activitygrid_support_waiting",
            ),
        ]

    def __str__(self):
        return f"{self.promeneur_name()} — {self.month_label}"

    def promeneur_name(self):
        return self.promeneur.full_name if self.promeneur else "Promeneur supprimé"

    promeneur_name.short_description = "Promeneur"

    def structure_name(self):
        structure = self.promeneur and self.promeneur.structure
        return structure.name if structure else ""

    structure_name.short_description = "Structure"

    def territory_name(self):
        structure = self.promeneur and self.promeneur.structure
        return structure.territory.name if structure and structure.territory else ""

    territory_name.short_description = "Territoire"

    @property
    def month_label(self):
        return format_month(self.month)

    @property
    def of_month(self):
        return of_month(self.month)

    @property
    def is_locked(self):
        return self.status == self.Status.SUBMITTED

    def devices_display(self):
        labels = dict(Device.choices)
        return ", ".join(labels.get(code, code) for code in self.devices)

    devices_display.short_description = "Outils utilisés"

    def themes_display(self):
        return ", ".join(theme.name for theme in self.themes.all())

    themes_display.short_description = "Thématiques abordées"

    def network_summary(self):
        return " ; ".join(
            f"{row.get_network_display()} : {row.messages} messages, {row.young_people} jeunes "
            f"(dont {row.new_young_people} nouveaux)"
            for row in self.network_activities.all()
        )

    network_summary.short_description = "Activité par réseau"

    def actions_summary(self):
        return " ; ".join(f"{a.title} ({a.young_people_reached} jeunes)" for a in self.led_actions.all())

    actions_summary.short_description = "Actions menées"

    def clean(self):
        super().clean()
        if self.month:
            self.month = first_of_month(self.month)
            if self.month > current_month():
                raise ValidationError(
                    {"month": "Ce mois n'est pas encore commencé : choisissez un mois passé ou le mois en cours."}
                )
            if self.month < FIRST_MONTH:
                raise ValidationError({"month": "Ce mois est trop ancien."})

    def submit(self):
        self.status = self.Status.SUBMITTED
        self.submitted_at = timezone.now()

    def reopen(self):
        self.status = self.Status.REOPENED
        self.reopened_at = timezone.now()
        self.save(update_fields=["status", "reopened_at", "updated_at"])

    @property
    def support_requested(self):
        return bool(self.support_needed.strip())

    def support_status(self):
        if not self.support_requested:
            return ""
        if self.support_handled_at:
            return f"Oui, traité le {timezone.localtime(self.support_handled_at):%d/%m/%Y}"
        return "Oui, à traiter"

    support_status.short_description = "Accompagnement demandé"

    def mark_support_handled(self, user):
        self.support_handled_at = timezone.now()
        self.support_handled_by = user
        self.save(update_fields=["support_handled_at", "support_handled_by", "updated_at"])

    def is_authored_by(self, user):
        return user.is_authenticated and self.promeneur is not None and self.promeneur.user_id == user.pk


class NetworkActivity(models.Model):
    """What happened on one social network during the grid's month."""

    grid = models.ForeignKey(ActivityGrid, on_delete=models.CASCADE, related_name="network_activities")
    network = models.CharField("Réseau", max_length=20, choices=SocialProfile.Network.choices)
    messages = count_field("Messages échangés")
    young_people = count_field("Jeunes accompagnés")
    new_young_people = count_field("dont nouveaux jeunes")

    class Meta:
        ordering = ["grid", "network"]
        verbose_name = "Activité sur un réseau"
        verbose_name_plural = "Activité par réseau"
        constraints = [models.UniqueConstraint(fields=["grid", "network"], name="one_row_per_network_and_grid")]

    def __str__(self):
        return self.get_network_display()

    def clean(self):
        super().clean()
        if (self.new_young_people or 0) > (self.young_people or 0):
            raise ValidationError({"new_young_people": TOO_MANY_NEW})


class LedAction(models.Model):
    grid = models.ForeignKey(ActivityGrid, on_delete=models.CASCADE, related_name="led_actions")
    title = models.CharField("Action menée", max_length=200, help_text=NO_IDENTIFICATION)
    theme = optional_link(Theme, "Thématique")
    young_people_reached = count_field("Jeunes touchés")

    class Meta:
        ordering = ["grid", "pk"]
        verbose_name = "Action menée"
        verbose_name_plural = "Actions menées"

    def __str__(self):
        return self.title


class CoordinationJournalEntry(ClusterableModel):
    class Kind(models.TextChoices):
        PROMENEUR_SUPPORT = "accompagnement_promeneur", "Accompagnement d'un promeneur"
        STRUCTURE_SUPPORT = "accompagnement_structure", "Accompagnement d'une structure"
        WELCOME = "accueil", "Accueil d'un nouveau promeneur"
        MEETING = "rencontre", "Rencontre ou formation"
        COMMITTEE = "comite", "Comité"
        PARTNERSHIP = "partenariat", "Partenariat"
        PUBLICATION = "publication", "Publication"
        REVIEW = "bilan", "Bilan"
        OTHER = "autre", "Autre"

    class Medium(models.TextChoices):
        IN_PERSON = "presentiel", "En présentiel"
        PHONE = "telephone", "Téléphone"
        VIDEO = "visio", "Visioconférence"
        EMAIL = "email", "E-mail"
        MESSAGING = "messagerie", "Messagerie / réseau social"

    date = models.DateField("Date", default=timezone.localdate)
    kind = models.CharField("Type d'action", max_length=40, choices=Kind.choices)
    medium = models.CharField("Modalité", max_length=20, choices=Medium.choices, default=Medium.PHONE)
    duration_minutes = models.PositiveIntegerField(
        "Durée (minutes)",
        default=30,
        validators=[
            MinValueValidator(1, "Indiquez une durée d'au moins une minute."),
            MaxValueValidator(24 * 60, "Une action dure au plus une journée (1 440 minutes)."),
        ],
    )
    promeneurs = ParentalManyToManyField(
        Promeneur, verbose_name="Promeneurs concernés", blank=True, related_name="journal_entries"
    )
    structures = ParentalManyToManyField(
        Structure, verbose_name="Structures concernées", blank=True, related_name="journal_entries"
    )
    notes = models.TextField("Notes", blank=True, help_text=NO_IDENTIFICATION)
    author = by_user("Saisie par", editable=False)
    created_at = models.DateTimeField("Créée le", auto_now_add=True)

    grammatical_gender = FEMININE  # « une … » in the admin's sentences (workspace/display.Noun)
    plural_noun = "actions de coordination"  # its verbose_name_plural is the listing's title

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "Action de coordination"
        verbose_name_plural = "Journal de coordination"

    def __str__(self):
        return f"{self.date:%d/%m/%Y} — {self.get_kind_display()}"

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": "Le journal consigne des actions déjà faites : la date est dans le futur."})

    def promeneurs_display(self):
        return ", ".join(str(p) for p in self.promeneurs.all())

    promeneurs_display.short_description = "Promeneurs concernés"

    def structures_display(self):
        return ", ".join(str(s) for s in self.structures.all())

    structures_display.short_description = "Structures concernées"


MONTH_NAMES = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def format_month(month):
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


def of_month(month):
    """ "de mars 2026", "d'octobre 2026": French elision before a vowel."""
    return of(format_month(month))
