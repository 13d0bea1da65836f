from django.apps import AppConfig
from django.db.models.signals import post_migrate

from workspace.app_traits import ManagedByCoordination, ShownToThePublic


class CoordinationConfig(ManagedByCoordination, ShownToThePublic, AppConfig):
    """The coordinator's private follow-up records: reviews, onboarding, conventions, committees'
    secretariat, charter versions, applications, the network's mailbox and contacts."""

    name = "network.coordination"
    label = "coordination"
    verbose_name = "Coordination"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published

        from .models import CharterAcceptance, CharterPage, CharterVersion
        from .models.charter import forget_acceptance, forget_charter_versions
        from .models.onboarding import seed_onboarding_steps

        # Run-time seeding rather than a data migration: this app's migrations are regenerated.
        post_migrate.connect(seed_onboarding_steps, sender=self, dispatch_uid="coordination_seed_onboarding_steps")
        # Publishing the charter under a new number is publishing a new version.
        page_published.connect(publish_charter_version, sender=CharterPage, dispatch_uid="charter_version")
        post_save.connect(forget_charter_versions, sender=CharterVersion, dispatch_uid="charter_version_saved")
        post_delete.connect(forget_charter_versions, sender=CharterVersion, dispatch_uid="charter_version_deleted")
        post_delete.connect(forget_acceptance, sender=CharterAcceptance, dispatch_uid="charter_acceptance_deleted")


def publish_charter_version(sender, instance, **kwargs):
    instance.publish_version()
