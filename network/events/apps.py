from django.apps import AppConfig

from workspace.accounts.roles import ManagedByCoordination


class EventsConfig(ManagedByCoordination, AppConfig):
    name = "network.events"
    label = "events"
    verbose_name = "Agenda"
