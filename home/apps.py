from django.apps import AppConfig

from workspace.app_traits import ManagedByCoordination, ShownToThePublic


class HomeConfig(ManagedByCoordination, ShownToThePublic, AppConfig):
    name = "home"
    verbose_name = "Site public"
