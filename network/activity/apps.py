from django.apps import AppConfig


class ActivityConfig(AppConfig):
    name = "network.activity"
    label = "activity"
    verbose_name = "Activité"
    # Coordination manages this app\'s records entirely in the admin (workspace/accounts/roles.py).
    managed_by_coordination = True
