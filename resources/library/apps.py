from django.apps import AppConfig

from workspace.app_traits import ManagedByCoordination, ShownToThePublic


class LibraryConfig(ManagedByCoordination, ShownToThePublic, AppConfig):
    name = "resources.library"
    label = "library"
    verbose_name = "Ressources"
