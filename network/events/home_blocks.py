"""The events' blocks on the members' home (workspace/pages/member_home.py): my next registrations,
the next events with places left, and the latest trainings in the "nouveau" list."""

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone

from network.events.models import Event, Registration, TrainingPage
from workspace.accounts.roles import is_member
from workspace.display import count_of, french_date
from workspace.pages import member_home


def when_and_where(event):
    when = french_date(event.start, "l j F à H:i")
    where = event.place or ("En ligne" if event.online_link else "")
    return f"{when} · {where}" if where else when


def waiting_position():
    """The registration's rank on its event's waiting list (first come, first served)."""
    ahead_or_same = Registration.objects.filter(
        event=OuterRef("event"),
        status=Registration.Status.WAITING,
    ).filter(Q(queued_at__lt=OuterRef("queued_at")) | Q(queued_at=OuterRef("queued_at"), pk__lte=OuterRef("pk")))
    return Subquery(ahead_or_same.values("event").annotate(rank=Count("pk")).values("rank")[:1])


class MyNextEventsBlock(member_home.HomeBlock):
    name = "mes-inscriptions"
    title = "Mes prochains rendez-vous"
    order = 20
    limit = 3

    def get_items(self, request, since):
        # The member's own registrations to the network's events (a registration to an event they
        # may no longer see, e.g. now reserved to a committee, is not shown).
        registrations = (
            Registration.objects.filter(
                user=request.user,
                status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING],
                event__in=Event.objects.for_every_member().filter(end__gte=timezone.now(), is_cancelled=False),
            )
            .select_related("event")
            .annotate(waiting_position=waiting_position())
            .order_by("event__start", "event__pk")[: self.limit]
        )
        return [
            member_home.HomeItem(
                registration.event.title,
                registration.event.get_absolute_url(),
                detail=when_and_where(registration.event),
                links=(("Ajouter à mon agenda (.ics)", registration.event.get_ics_url()),),
                badge=(
                    f"Liste d'attente : {registration.waiting_position}e position"
                    if registration.status == Registration.Status.WAITING
                    else "Inscription confirmée"
                ),
            )
            for registration in registrations
        ]


class EventsWithPlacesBlock(member_home.HomeBlock):
    """The next events the member may see that still take registrations and have places left."""

    name = "places-disponibles"
    title = "Prochains rendez-vous : il reste des places"
    place = member_home.NETWORK
    order = 30
    limit = 3
    shared = True

    def is_shown(self, request):
        return is_member(request.user)

    def shared_key(self, request):
        return "membres"

    def get_items(self, request, since):
        now = timezone.now()
        events = (
            Event.objects.for_every_member()
            .upcoming()
            .filter(is_cancelled=False, registration_open=True)
            .filter(Q(registration_deadline__gt=now) | Q(registration_deadline__isnull=True, start__gt=now))
            .with_counts()
            .filter(Q(capacity__isnull=True) | Q(capacity__gt=F("confirmed_count")))[: self.limit]
        )
        return [
            member_home.HomeItem(
                event.title,
                event.get_absolute_url(),
                detail=when_and_where(event),
                badge=(
                    count_of(left, "place restante", "places restantes")
                    if (left := event.places_left(event.confirmed_count)) is not None
                    else "Inscriptions ouvertes"
                ),
            )
            for event in events
        ]


class NewTrainingsBlock(member_home.LatestPagesBlock):
    name = "nouvelles-formations"
    title = "Formations"
    model = TrainingPage
