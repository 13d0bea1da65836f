"""Sections of the members' space whose content is written in the Wagtail admin.

Each section has its own page type so that its feature (filters, child page
types, routes) grows on it without changing the page tree.
"""

from resources.library.models.news import NewsIndexMixin
from resources.library.models.resources import ResourceIndexMixin
from resources.library.models.watch import WatchIndexMixin
from workspace.pages.models import BasePage, SpaceSectionPage


class ResourceIndexPage(ResourceIndexMixin, SpaceSectionPage):
    class Meta:
        verbose_name = "Ressources"


class WatchIndexPage(WatchIndexMixin, SpaceSectionPage):
    class Meta:
        verbose_name = "Veille documentaire"


class NewsIndexPage(NewsIndexMixin, SpaceSectionPage):
    class Meta:
        verbose_name = "Actualités du réseau"


class MyFeedsPage(BasePage):
    """/espace/mes-flux/: a page under the space, so that the space's restriction covers it."""

    max_count = 1
    parent_page_types = ["pages.SpacePage"]
    subpage_types = []

    def serve(self, request, *args, **kwargs):
        from resources.library.views import my_feeds

        return my_feeds(request, self)

    class Meta:
        verbose_name = "Mes flux RSS"
