from django.apps import AppConfig


class CockpitConfig(AppConfig):
    name = "workspace.cockpit"
    label = "cockpit"
    verbose_name = "Tableau de bord de la coordination"
