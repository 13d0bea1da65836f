from django.apps import AppConfig

from workspace.app_traits import ManagedByCoordination, ShownToThePublic


class EventsConfig(ManagedByCoordination, ShownToThePublic, AppConfig):
    name = "network.events"
    label = "events"
    verbose_name = "Agenda"

    def ready(self):
        from django.db.models.signals import post_save

        from .models import Event
        from .registrations import after_event_saved

        post_save.connect(after_event_saved, sender=Event, dispatch_uid="event_changes_told_to_registrants")
