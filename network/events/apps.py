from django.apps import AppConfig

from workspace.app_traits import ManagedByCoordination, ShownToThePublic


class EventsConfig(ManagedByCoordination, ShownToThePublic, AppConfig):
    name = "network.events"
    label = "events"
    verbose_name = "Agenda"

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_save

        from .models import Event
        from .registrations import after_event_saved, after_user_saved

        post_save.connect(after_event_saved, sender=Event, dispatch_uid="event_changes_told_to_registrants")
        post_save.connect(after_user_saved, sender=settings.AUTH_USER_MODEL, dispatch_uid="closed_accounts_free_places")
