from django.apps import AppConfig

from workspace.app_traits import ManagedByCoordination, ShownToThePublic


class DirectoryConfig(ManagedByCoordination, ShownToThePublic, AppConfig):
    name = "network.directory"
    label = "directory"
    verbose_name = "Annuaire"
