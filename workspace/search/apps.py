from django.apps import AppConfig
from django.db.backends.signals import connection_created


def add_unaccent_to_sqlite(sender, connection, **kwargs):
    """SQLite has no unaccent(): the Python one stands in (PostgreSQL's comes from the migration)."""
    if connection.vendor == "sqlite":
        from workspace.search.words import unaccent

        connection.connection.create_function("UNACCENT", 1, unaccent, deterministic=True)


class SearchConfig(AppConfig):
    name = "workspace.search"
    label = "site_search"
    verbose_name = "Recherche"

    def ready(self):
        connection_created.connect(add_unaccent_to_sqlite)
