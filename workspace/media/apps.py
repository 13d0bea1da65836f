from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "workspace.media"
    label = "media"
    verbose_name = "Images"
