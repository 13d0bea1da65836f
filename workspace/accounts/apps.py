from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "workspace.accounts"
    label = "accounts"
    verbose_name = "Comptes et rôles"
    # Coordination manages this app\'s records entirely in the admin (workspace/accounts/roles.py).
    managed_by_coordination = True

    def ready(self):
        from workspace.accounts.roles import grant_role_permissions

        # Model permissions exist only once every app has migrated, so the roles'
        # permissions are (re)granted after each migrate rather than in a migration.
        post_migrate.connect(grant_role_permissions, dispatch_uid="accounts_grant_role_permissions")
