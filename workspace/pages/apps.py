from django.apps import AppConfig

from workspace.app_traits import ManagedByCoordination, ShownToThePublic


class PagesConfig(ManagedByCoordination, ShownToThePublic, AppConfig):
    name = "workspace.pages"
    label = "pages"
    verbose_name = "Pages de base"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from workspace.pages.navigation import forget_navigation
        from workspace.pages.page_cache import forget_public_pages

        changes = {"published": page_published, "unpublished": page_unpublished, "moved": post_page_move}
        for change, signal in {**changes, "deleted": post_delete}.items():
            signal.connect(forget_navigation, dispatch_uid=f"forget_navigation_when_{change}")
        for change, signal in {**changes, "saved": post_save, "deleted": post_delete, "linked": m2m_changed}.items():
            signal.connect(forget_public_pages, dispatch_uid=f"forget_public_pages_when_{change}")
