from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site public"
    # Coordination manages this app\'s records entirely in the admin (workspace/accounts/roles.py).
    managed_by_coordination = True
    # A public page may show this app's records: writing one empties the page cache
    # (workspace/pages/page_cache.py).
    public_content = True
