from django.apps import AppConfig

from workspace.accounts.roles import ManagedByCoordination


class EventsConfig(ManagedByCoordination, AppConfig):
    name = "network.events"
    label = "events"
    verbose_name = "Agenda"
    # A public page may show this app's records: writing one empties the page cache
    # (workspace/pages/page_cache.py).
    public_content = True
