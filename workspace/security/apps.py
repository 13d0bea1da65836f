from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "workspace.security"
    label = "security"
    verbose_name = "Sécurité"

    def ready(self):
        from workspace.security import admin_input

        # The admin's hidden fields (choosers, inline rows) read as a tampered form sends them.
        admin_input.install()
