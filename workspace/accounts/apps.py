from django.apps import AppConfig
from django.db.models.signals import post_migrate

from workspace.app_traits import ManagedByCoordination


class AccountsConfig(ManagedByCoordination, AppConfig):
    name = "workspace.accounts"
    label = "accounts"
    verbose_name = "Comptes et rôles"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.models import PageViewRestriction
        from wagtail.signals import post_page_move

        from workspace.accounts.access import forget_page_restrictions, forget_restrictions_of_aliases
        from workspace.accounts.roles import forget_user_groups, grant_role_permissions

        user_groups = get_user_model().groups.through
        m2m_changed.connect(forget_user_groups, sender=user_groups, dispatch_uid="forget_user_groups")
        post_save.connect(forget_page_restrictions, sender=PageViewRestriction, dispatch_uid="restriction_saved")
        post_delete.connect(forget_page_restrictions, sender=PageViewRestriction, dispatch_uid="restriction_deleted")
        m2m_changed.connect(
            forget_page_restrictions, sender=PageViewRestriction.groups.through, dispatch_uid="restriction_groups"
        )
        # Any page model: an alias is saved as its specific class.
        post_save.connect(forget_restrictions_of_aliases, dispatch_uid="restrictions_alias_saved")
        post_delete.connect(forget_restrictions_of_aliases, dispatch_uid="restrictions_alias_deleted")
        # A moved page takes its restriction to a new path.
        post_page_move.connect(forget_page_restrictions, dispatch_uid="restrictions_page_move")

        # Model permissions exist only once every app has migrated, so the roles'
        # permissions are (re)granted after each migrate rather than in a migration.
        post_migrate.connect(grant_role_permissions, dispatch_uid="accounts_grant_role_permissions")
