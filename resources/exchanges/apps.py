from django.apps import AppConfig

from workspace.app_traits import ManagedByCoordination


class ExchangesConfig(ManagedByCoordination, AppConfig):
    name = "resources.exchanges"
    label = "exchanges"
    verbose_name = "Échanges"
