"""The library's index pages: the sections of the members' space whose content is written in the
Wagtail admin, and the public publications with their feed.

Each section has its own page type so that its feature (filters, child page
types, routes) grows on it without changing the page tree.
"""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from resources.library.feeds import PublicationsFeed
from resources.library.listing import FilteredIndexMixin
from resources.library.models.news import NewsIndexMixin, PublicationPage
from resources.library.models.resources import ResourceIndexMixin
from resources.library.models.watch import WatchIndexMixin
from resources.library.views import my_feeds
from workspace.pages.models import BasePage, IndexPage, SpaceSectionPage


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
        return my_feeds(request, self)

    def serve_preview(self, request, mode_name):
        # Wagtail previews a page with its template, and this page has none: it is its view (the
        # coordinator's preview showed a server error).
        return my_feeds(request, self)

    class Meta:
        verbose_name = "Mes flux RSS"


class PublicationIndexPage(RoutablePageMixin, FilteredIndexMixin, IndexPage):
    """/publications/: the public news of the network, with its RSS feed."""

    child_model = PublicationPage
    max_count = 1
    subpage_types = ["library.PublicationPage"]
    template = "library/publication_index_page.html"

    class Meta:
        verbose_name = "Publications"

    @path("rss/", name="rss")
    def rss(self, request):
        return PublicationsFeed(self)(request)
