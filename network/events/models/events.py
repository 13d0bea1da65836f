"""Events of the network and registrations to them.

Who may see an event is one rule, ``Event.objects.visible_to(user)``, built on the
roles of workspace/accounts/roles.py; every page, calendar file and registration
check asks it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from wagtail.fields import RichTextField

from workspace.accounts.roles import COMMITTEES, committees_of, is_member
from workspace.fields import optional_link
from workspace.pages.blocks import RICH_TEXT_FEATURES


class EventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Public events for everyone; members' events for promeneurs and coordination;
        a committee's events for that committee; everything for those who manage events
        in the admin (the same permission as the admin's event list)."""
        if user is not None and user.has_perm("events.view_event"):
            return self.all()
        allowed = Q(audience=Event.Audience.PUBLIC)
        if user is not None and is_member(user):
            allowed |= Q(audience=Event.Audience.MEMBERS)
        committees = committees_of(user) if user is not None else []
        if committees:
            allowed |= Q(audience=Event.Audience.COMMITTEE, committee__in=committees)
        return self.filter(allowed)

    def public(self):
        return self.filter(audience=Event.Audience.PUBLIC)

    def for_every_member(self):
        """The part of ``visible_to`` that every member sees, whoever they are: public and members'
        events (what the members' home may show from the shared cache)."""
        return self.filter(audience__in=[Event.Audience.PUBLIC, Event.Audience.MEMBERS])

    def upcoming(self):
        return self.filter(end__gte=timezone.now()).order_by("start", "pk")

    def with_counts(self):
        return self.annotate(
            confirmed_count=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)),
            waiting_count=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITING)),
        )

    def with_status_of(self, user):
        """Annotate ``user_status``: the user's registration status on each event (or None)."""
        if user is None or not user.is_authenticated:
            return self.annotate(user_status=models.Value(None, output_field=models.CharField()))
        mine = Registration.objects.filter(event=OuterRef("pk"), user=user).values("status")[:1]
        return self.annotate(user_status=Subquery(mine))


class Event(models.Model):
    class Kind(models.TextChoices):
        MEETING = "rencontre", "Rencontre départementale"
        TRAINING = "formation", "Formation"
        PRACTICE = "analyse", "Analyse de pratiques"
        EXCHANGE = "echange", "Temps d'échange"
        NATIONAL_DAY = "journee_nationale", "Journée nationale"
        COMMITTEE = "comite", "Comité"
        FORUM = "forum", "Forum"

    class Audience(models.TextChoices):
        PUBLIC = "public", "Tout public"
        MEMBERS = "membres", "Membres du réseau (promeneurs et coordination)"
        COMMITTEE = "comite", "Un comité"

    title = models.CharField("Titre", max_length=200)
    kind = models.CharField("Type", max_length=30, choices=Kind.choices, default=Kind.EXCHANGE)
    start = models.DateTimeField("Début")
    end = models.DateTimeField("Fin")
    place = models.CharField(
        "Lieu", max_length=255, blank=True, help_text="Adresse du lieu, pour un événement en présentiel."
    )
    online_link = models.URLField("Lien de connexion", blank=True, help_text="Pour un événement en ligne.")
    description = RichTextField("Description", blank=True, features=RICH_TEXT_FEATURES)
    audience = models.CharField("Public", max_length=20, choices=Audience.choices, default=Audience.MEMBERS)
    committee = models.CharField(
        "Comité",
        max_length=60,
        blank=True,
        choices=[(name, name) for name in COMMITTEES],
        help_text="Seulement pour un événement réservé à un comité.",
    )
    capacity = models.PositiveIntegerField(
        "Nombre de places", null=True, blank=True, help_text="Laisser vide pour un nombre de places illimité."
    )
    registration_open = models.BooleanField("Inscriptions ouvertes", default=True)
    registration_deadline = models.DateTimeField("Date limite d'inscription", null=True, blank=True)
    is_cancelled = models.BooleanField("Événement annulé", default=False)
    training = optional_link(
        "events.TrainingPage",
        "Formation",
        related_name="sessions",
        help_text="La page de formation dont cet événement est une session.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    # Fields whose change is announced to the registrants.
    NOTIFIED_FIELDS = ("title", "start", "end", "place", "online_link")

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = "Événement"
        verbose_name_plural = "Événements"
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")),
                name="event_ends_after_start",
                violation_error_message="La fin de l'événement doit être postérieure à son début.",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.start):%d/%m/%Y})"

    def save(self, *args, **kwargs):
        # What the coordinator changed, told to the registrants on post_save (registrations.py).
        self.changed_on_save = self.changed_fields()
        super().save(*args, **kwargs)
        self._loaded = {name: getattr(self, name) for name in (*self.NOTIFIED_FIELDS, "is_cancelled", "capacity")}

    # What a page needs to know about the event
    def get_absolute_url(self):
        return reverse("events:detail", args=[self.pk])

    def get_ics_url(self):
        return reverse("events:ics", args=[self.pk])

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded = {
            name: getattr(instance, name, None)
            for name in (*cls.NOTIFIED_FIELDS, "is_cancelled", "capacity")
            if name in field_names
        }
        return instance

    def clean(self):
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "La fin de l'événement doit être postérieure à son début."
        if self.registration_deadline and self.end and self.registration_deadline > self.end:
            errors["registration_deadline"] = "La date limite d'inscription doit précéder la fin de l'événement."
        if self.audience == self.Audience.COMMITTEE and not self.committee:
            errors["committee"] = "Choisissez le comité auquel l'événement est réservé."
        if self.audience != self.Audience.COMMITTEE and self.committee:
            errors["committee"] = "Un comité ne se choisit que pour un événement réservé à un comité."
        if errors:
            raise ValidationError(errors)

    def changed_fields(self):
        loaded = getattr(self, "_loaded", None)
        if not loaded:
            return set()
        return {name for name, value in loaded.items() if getattr(self, name) != value}

    @property
    def has_started(self):
        """Attendance is marked from the start; the coordination cancels a registration until then."""
        return self.start <= timezone.now()

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_online(self):
        return bool(self.online_link) and not self.place

    def registration_closes_at(self):
        return self.registration_deadline or self.start

    def accepts_registrations(self, now=None):
        now = now or timezone.now()
        return self.registration_open and not self.is_cancelled and now < self.registration_closes_at()

    def places_left(self, confirmed_count):
        if self.capacity is None:
            return None
        return max(self.capacity - confirmed_count, 0)


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmee", "Confirmée"
        WAITING = "attente", "Liste d'attente"
        CANCELLED = "annulee", "Annulée"

    event = models.ForeignKey(Event, verbose_name="Événement", on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Participant",
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = models.CharField("Statut", max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    queued_at = models.DateTimeField("Inscrit le", default=timezone.now, help_text="Ordre de la liste d'attente.")
    cancelled_at = models.DateTimeField("Annulée le", null=True, blank=True)
    attended = models.BooleanField("Présent", null=True, blank=True)
    reminder_sent_at = models.DateTimeField("Rappel envoyé le", null=True, blank=True)

    class Meta:
        ordering = ["queued_at", "pk"]
        verbose_name = "Inscription"
        verbose_name_plural = "Inscriptions"
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_user_and_event")]
        indexes = [models.Index(fields=["event", "status", "queued_at"])]

    def __str__(self):
        return f"{self.user} – {self.event.title} ({self.get_status_display()})"

    @property
    def is_active(self):
        return self.status != self.Status.CANCELLED

    def structure_name(self):
        """The participant's structure, if they are a promeneur, or were one: a promeneur who left is
        anonymised and their account detached (former_promeneur), and the evaluation still counts
        their attendance for that structure. Select ``user__promeneur__structure`` and
        ``user__former_promeneur__structure`` with the registrations."""
        user = self.user
        promeneur = getattr(user, "promeneur", None) or getattr(user, "former_promeneur", None)
        return promeneur.structure.name if promeneur and promeneur.structure else ""


# The member's secret calendar address is a workspace.accounts.tokens.SecretToken for this purpose.
CALENDAR_PURPOSE = "calendrier"
