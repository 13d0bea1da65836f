from django.apps import AppConfig

from workspace.accounts.roles import ManagedByCoordination


class DirectoryConfig(ManagedByCoordination, AppConfig):
    name = "network.directory"
    label = "directory"
    verbose_name = "Annuaire"
    # A public page may show this app's records: writing one empties the page cache
    # (workspace/pages/page_cache.py).
    public_content = True
