from django.apps import AppConfig

from workspace.accounts.roles import ManagedByCoordination


class LibraryConfig(ManagedByCoordination, AppConfig):
    name = "resources.library"
    label = "library"
    verbose_name = "Ressources"
