from django.apps import AppConfig

from workspace.app_traits import ManagedByCoordination, ShownToThePublic


class EventsConfig(ManagedByCoordination, ShownToThePublic, AppConfig):
    name = "network.events"
    label = "events"
    verbose_name = "Agenda"
