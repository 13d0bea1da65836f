"""Events in the site search (/recherche/), registered in wagtail_hooks.py: the one rule
``Event.objects.visible_to(user)`` decides, so a visitor finds public events only and a committee's
event reaches that committee and the coordination alone."""

from network.events.models import Event
from workspace.display import french_date
from workspace.search.types import Found, LazyHits, SearchHit
from workspace.search.words import matching

SEARCH_FIELDS = ("title", "place", "description")


def event_hit(event):
    when = french_date(event.start, "j F Y")
    parts = ("Événement annulé" if event.is_cancelled else "Événement", when, event.place)
    return SearchHit(event.title, event.get_absolute_url(), " · ".join(part for part in parts if part))


def find_events(request, query):
    events = matching(Event.objects.visible_to(request.user), query, SEARCH_FIELDS).order_by("-start", "-pk")
    return Found(LazyHits(events, event_hit))
