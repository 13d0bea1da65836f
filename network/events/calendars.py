"""iCalendar (RFC 5545) files of events, written with the icalendar library."""

from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from workspace.mail import absolute_url

PARIS = ZoneInfo("Europe/Paris")
PRODID = "-//Promeneurs du Net 66//Agenda du réseau//FR"


def _uid(event):
    return f"evenement-{event.pk}@promeneursdunet66"


def calendar_event(event, status=None):
    item = CalendarEvent()
    item.add("uid", _uid(event))
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.start.astimezone(PARIS))
    item.add("dtend", event.end.astimezone(PARIS))
    summary = event.title
    if status:
        summary = f"{summary} ({status})"
    item.add("summary", summary)
    description = strip_tags(event.description or "").strip()
    if event.online_link:
        description = f"{description}\n\nLien de connexion : {event.online_link}".strip()
    if description:
        item.add("description", description)
    item.add("location", event.place or event.online_link or "")
    item.add("url", absolute_url(event.get_absolute_url()))
    item.add("categories", [event.get_kind_display()])
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    item.add("last-modified", event.updated_at)
    return item


def build_calendar(events, name, statuses=None):
    """A calendar of ``events``; ``statuses`` maps an event id to the member's registration label."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    for event in events:
        calendar.add_component(calendar_event(event, (statuses or {}).get(event.pk)))
    calendar.add_missing_timezones()
    return calendar.to_ical()
