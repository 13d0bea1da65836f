from django.apps import AppConfig

from workspace.accounts.roles import ManagedByCoordination


class HomeConfig(ManagedByCoordination, AppConfig):
    name = "home"
    verbose_name = "Site public"
