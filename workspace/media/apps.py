from django.apps import AppConfig

from workspace.app_traits import ShownToThePublic


class MediaConfig(ShownToThePublic, AppConfig):
    name = "workspace.media"
    label = "media"
    verbose_name = "Images"
