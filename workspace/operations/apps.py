from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: the health check for the load balancer, backups and their restore."""

    name = "workspace.operations"
    label = "operations"
    verbose_name = "Exploitation"
