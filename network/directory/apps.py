from django.apps import AppConfig

from workspace.accounts.roles import ManagedByCoordination


class DirectoryConfig(ManagedByCoordination, AppConfig):
    name = "network.directory"
    label = "directory"
    verbose_name = "Annuaire"
