from django.apps import AppConfig


class ExchangesConfig(AppConfig):
    name = "resources.exchanges"
    label = "exchanges"
    verbose_name = "Échanges"
    # Coordination manages this app\'s records entirely in the admin (workspace/accounts/roles.py).
    managed_by_coordination = True
