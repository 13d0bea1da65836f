from django.apps import AppConfig

from workspace.accounts.roles import ManagedByCoordination


class HomeConfig(ManagedByCoordination, AppConfig):
    name = "home"
    verbose_name = "Site public"
    # A public page may show this app's records: writing one empties the page cache
    # (workspace/pages/page_cache.py).
    public_content = True
