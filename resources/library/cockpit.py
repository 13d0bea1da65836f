"""The library's shortcuts on the coordinator's cockpit: start a news-watch item or a network
news item from the landing page (registered in wagtail_hooks.py)."""

from django.urls import reverse
from wagtail.permissions import page_permission_policy

from resources.library.models import NewsIndexPage, NewsPage, WatchIndexPage, WatchPage
from workspace.cockpit.shortcuts import ShortcutsBlock


def _add_url(index_model, page_model):
    index = index_model.objects.only("pk").first()
    if index is None:
        return None
    meta = page_model._meta
    return reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, index.pk])


class PublishShortcutsBlock(ShortcutsBlock):
    name = "publish"
    watched = ("library.WatchIndexPage", "library.NewsIndexPage")
    title = "Publier"
    order = 70

    def is_shown(self, request):
        """Pages are created with Wagtail's page permissions (granted on the tree, not as model ones)."""
        return page_permission_policy.user_has_permission(request.user, "add")

    def get_links(self, request):
        links = [
            ("Nouvel article de veille", _add_url(WatchIndexPage, WatchPage)),
            ("Nouvelle actualité du réseau", _add_url(NewsIndexPage, NewsPage)),
        ]
        return [(label, url) for label, url in links if url]
