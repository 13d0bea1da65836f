from django.apps import AppConfig

from workspace.accounts.roles import ManagedByCoordination


class LibraryConfig(ManagedByCoordination, AppConfig):
    name = "resources.library"
    label = "library"
    verbose_name = "Ressources"
    # A public page may show this app's records: writing one empties the page cache
    # (workspace/pages/page_cache.py).
    public_content = True
