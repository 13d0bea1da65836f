from django.urls import include, path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from network.directory.privacy import iso
from workspace.search.types import SearchType

from . import home_blocks
from .cockpit import AttendanceToMarkBlock, UpcomingEventsBlock
from .search import find_events
from .viewsets import EventViewSet, admin_urlpatterns

register_snippet(EventViewSet)


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [path("", include(admin_urlpatterns))]


@hooks.register("register_search_type")
def events_search_type():
    return [SearchType("evenements", "Événements", find=find_events)]


hooks.register("register_cockpit_block", UpcomingEventsBlock)
hooks.register("register_cockpit_block", AttendanceToMarkBlock)


@hooks.register("register_personal_data")
def registrations_in_personal_data(user, promeneur):
    registrations = user.event_registrations.select_related("event").order_by("queued_at")
    return {
        "inscriptions": [
            {
                "evenement": registration.event.title,
                "debut": iso(registration.event.start),
                "statut": registration.get_status_display(),
                "inscrit_le": iso(registration.queued_at),
            }
            for registration in registrations
        ]
    }


for home_block in (home_blocks.MyNextEventsBlock, home_blocks.EventsWithPlacesBlock, home_blocks.NewTrainingsBlock):
    hooks.register("register_space_home_block", home_block)
