from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "workspace.pages"
    label = "pages"
    verbose_name = "Pages de base"
    # Coordination manages this app\'s records entirely in the admin (workspace/accounts/roles.py).
    managed_by_coordination = True

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from workspace.pages.navigation import forget_navigation

        changes = {"published": page_published, "unpublished": page_unpublished, "moved": post_page_move}
        for change, signal in {**changes, "deleted": post_delete}.items():
            signal.connect(forget_navigation, dispatch_uid=f"forget_navigation_when_{change}")
