from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "workspace.media"
    label = "media"
    verbose_name = "Images"
    # A public page may show this app's records: writing one empties the page cache
    # (workspace/pages/page_cache.py).
    public_content = True
