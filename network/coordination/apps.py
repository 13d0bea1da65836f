from django.apps import AppConfig


class CoordinationConfig(AppConfig):
    """The coordinator's private follow-up records: reviews, onboarding, conventions, committees'
    secretariat, charter versions, applications, the network's mailbox and contacts."""

    name = "network.coordination"
    label = "coordination"
    verbose_name = "Coordination"
    # Coordination manages this app's records entirely in the admin (workspace/accounts/roles.py).
    managed_by_coordination = True
