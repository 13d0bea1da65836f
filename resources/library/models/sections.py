"""Sections of the members' space whose content is written in the Wagtail admin.

Each section has its own page type so that its feature (filters, child page
types, routes) grows on it without changing the page tree.
"""

from resources.library.models.news import NewsIndexMixin
from resources.library.models.resources import ResourceIndexMixin
from resources.library.models.watch import WatchIndexMixin
from workspace.pages.models import SpaceSectionPage


class ResourceIndexPage(ResourceIndexMixin, SpaceSectionPage):
    class Meta:
        verbose_name = "Ressources"


class WatchIndexPage(WatchIndexMixin, SpaceSectionPage):
    class Meta:
        verbose_name = "Veille documentaire"


class NewsIndexPage(NewsIndexMixin, SpaceSectionPage):
    class Meta:
        verbose_name = "Actualités du réseau"
