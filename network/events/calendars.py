"""iCalendar (RFC 5545) files of events, written with the icalendar library."""

import re
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from network.events.models.events import Registration
from workspace.mail import absolute_url

PARIS = ZoneInfo("Europe/Paris")
PRODID = "-//Promeneurs du Net 66//Agenda du réseau//FR"
# The calendar's word for a registration: a place on the waiting list is not a confirmed one.
CALENDAR_STATUS = {Registration.Status.CONFIRMED: "CONFIRMED", Registration.Status.WAITING: "TENTATIVE"}
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "br", "hr"}


class _PlainText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)  # "&amp;" and "&#x27;" arrive as "&" and "'"
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(html):
    """Rich text as a calendar app shows it: one paragraph (or list item) a line, entities decoded, no tags."""
    parser = _PlainText()
    parser.feed(html or "")
    parser.close()
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _uid(event):
    return f"evenement-{event.pk}@promeneursdunet66"


def calendar_event(event, registration_status=None):
    """``registration_status``: the member's Registration.Status for this event, if any."""
    item = CalendarEvent()
    item.add("uid", _uid(event))
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.start.astimezone(PARIS))
    item.add("dtend", event.end.astimezone(PARIS))
    summary = event.title
    if registration_status:
        summary = f"{summary} ({Registration.Status(registration_status).label.lower()})"
    item.add("summary", summary)
    description = plain_text(event.description)
    if event.online_link:
        description = f"{description}\n\nLien de connexion : {event.online_link}".strip()
    if description:
        item.add("description", description)
    item.add("location", event.place or event.online_link or "")
    item.add("url", absolute_url(event.get_absolute_url()))
    item.add("categories", [event.get_kind_display()])
    status = "CANCELLED" if event.is_cancelled else CALENDAR_STATUS.get(registration_status, "CONFIRMED")
    item.add("status", status)
    item.add("last-modified", event.updated_at)
    return item


def build_calendar(events, name, registration_statuses=None):
    """A calendar of ``events``; ``registration_statuses`` maps an event id to the member's Registration.Status."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    for event in events:
        calendar.add_component(calendar_event(event, (registration_statuses or {}).get(event.pk)))
    calendar.add_missing_timezones()
    for timezone_component in calendar.timezones:
        # "This timezone only works from … to …": the library's own note, in English.
        timezone_component.pop("COMMENT", None)
    return calendar.to_ical()
