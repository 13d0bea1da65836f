"""Sections of the members' space whose content is written in the Wagtail admin.

Each section has its own page type so that its feature (filters, child page
types, routes) grows on it without changing the page tree.
"""

from home.models import IndexPage

from .feed_tokens import FeedToken
from .library import ResourceIndexMixin, ResourcePage, ResourcePageTag
from .news import NewsIndexMixin, NewsPage, NewsPageTag, PublicationIndexPage, PublicationPage, PublicationPageTag
from .watch import WatchIndexMixin, WatchPage, WatchPageTag


class SpaceSectionPage(IndexPage):
    parent_page_types = ["home.SpacePage"]

    class Meta:
        abstract = True


class ResourceIndexPage(ResourceIndexMixin, SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Ressources"


class WatchIndexPage(WatchIndexMixin, SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Veille documentaire"


class NewsIndexPage(NewsIndexMixin, SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Actualités du réseau"


class TrainingIndexPage(SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Formations"


class ExchangeIndexPage(SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Échanges de pratiques"


__all__ = [
    "FeedToken",
    "NewsPage",
    "NewsPageTag",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationPageTag",
    "ResourcePage",
    "ResourcePageTag",
    "WatchPage",
    "WatchPageTag",
]
