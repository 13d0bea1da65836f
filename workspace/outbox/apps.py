from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "workspace.outbox"
    label = "outbox"
    verbose_name = "E-mails en attente d'envoi"
