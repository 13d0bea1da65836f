from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "workspace.pages"
    label = "pages"
    verbose_name = "Pages de base"
    # Coordination manages this app\'s records entirely in the admin (workspace/accounts/roles.py).
    managed_by_coordination = True
