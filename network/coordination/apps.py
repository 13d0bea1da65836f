from django.apps import AppConfig


class CoordinationConfig(AppConfig):
    """The coordinator's private follow-up records: reviews, onboarding, conventions, committees'
    secretariat, charter versions, applications, the network's mailbox and contacts."""

    name = "network.coordination"
    label = "coordination"
    verbose_name = "Coordination"
    # Coordination manages this app's records entirely in the admin (workspace/accounts/roles.py).
    managed_by_coordination = True

    def ready(self):
        from wagtail.signals import page_published

        from .models import CharterPage

        # Publishing the charter under a new number is publishing a new version.
        page_published.connect(publish_charter_version, sender=CharterPage, dispatch_uid="charter_version")


def publish_charter_version(sender, instance, **kwargs):
    instance.publish_version()
