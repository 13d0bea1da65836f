"""The events' blocks of the coordinator's cockpit (registered in wagtail_hooks.py)."""

import datetime

from django.db.models import Count, Q
from django.urls import reverse, reverse_lazy
from django.utils import timezone

from network.events.models import Event, Registration
from workspace.cockpit.blocks import CockpitBlock, CockpitItem
from workspace.display import agreed, count_of, french_date

UPCOMING_DAYS = 14
# Attendance is marked within weeks of an event; older forgotten ones stop calling for attention.
ATTENDANCE_DAYS = 90


def _when(moment):
    return french_date(moment, "l j F à H:i")


class UpcomingEventsBlock(CockpitBlock):
    name = "upcoming-events"
    watched = ("events.Event", "events.Registration")
    title = f"Événements des {UPCOMING_DAYS} prochains jours"
    order = 50
    empty_text = f"Aucun événement dans les {UPCOMING_DAYS} prochains jours."
    # The same permission as the admin's registrations screen.
    permission = "events.view_registration"
    more_url = reverse_lazy("wagtailsnippets_events_event:list")

    def get_queryset(self, request):
        now = timezone.now()
        return (
            Event.objects.filter(
                is_cancelled=False, start__gte=now, start__lt=now + datetime.timedelta(days=UPCOMING_DAYS)
            )
            .with_counts()
            .order_by("start", "pk")
        )

    def item(self, event):
        places = event.places_left(event.confirmed_count)
        seats = "places illimitées" if places is None else count_of(places, "place libre", "places libres")
        details = [_when(event.start), seats]
        if event.waiting_count:
            details.append(f"{event.waiting_count} en liste d'attente")
        return CockpitItem(
            label=event.title,
            url=reverse("network_event_registrations", args=[event.pk]),
            detail=" — ".join(details),
        )


class AttendanceToMarkBlock(CockpitBlock):
    name = "attendance-to-mark"
    watched = ("events.Event", "events.Registration")
    title = "Présences à saisir"
    order = 60
    empty_text = "Les présences des derniers événements sont saisies."
    permission = "events.change_registration"

    def get_queryset(self, request):
        now = timezone.now()
        unmarked = Q(registrations__status=Registration.Status.CONFIRMED, registrations__attended__isnull=True)
        return (
            Event.objects.filter(
                is_cancelled=False, end__lt=now, end__gte=now - datetime.timedelta(days=ATTENDANCE_DAYS)
            )
            .annotate(unmarked_count=Count("registrations", filter=unmarked))
            .filter(unmarked_count__gt=0)
            .order_by("-end", "-pk")
        )

    def item(self, event):
        return CockpitItem(
            label=event.title,
            url=reverse("network_event_registrations", args=[event.pk]),
            detail=f"{_when(event.start)} — {event.unmarked_count} {agreed(event.unmarked_count, 'présence')} à saisir",
        )
