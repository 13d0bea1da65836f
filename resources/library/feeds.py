"""RSS feeds (Django's syndication framework): public publications, and the members'
news and watch behind a personal secret key."""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.views.decorators.cache import never_cache

from resources.library.models.news import NewsPage, PublicationPage
from resources.library.models.watch import WatchPage
from workspace.accounts.access import exclude_hidden_subtrees
from workspace.accounts.roles import is_member
from workspace.accounts.tokens import SecretToken

FEED_LENGTH = 30
# The member's secret feed addresses are a workspace.accounts.tokens.SecretToken for this purpose.
FEEDS_PURPOSE = "flux"
PARIS = ZoneInfo("Europe/Paris")
# A page has a date, not a time: noon in Paris is the same day wherever the reader lives.
PAGE_TIME = datetime.time(12, 0)


def page_datetime(page):
    """When a feed says the page was published: its own date (what the page shows)."""
    return datetime.datetime.combine(page.date, PAGE_TIME, tzinfo=PARIS)


def newest_first(pages):
    """Pages of several types in one order: their date, then the most recently published."""
    never = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    return sorted(pages, key=lambda page: (page.date, page.first_published_at or never, page.pk), reverse=True)


class FrenchRssFeed(Rss201rev2Feed):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("language", "fr")
        super().__init__(*args, **kwargs)


class PageFeed(Feed):
    """Items are Wagtail pages with a ``date`` and an ``intro``."""

    feed_type = FrenchRssFeed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # RSS readers take a description as HTML: the plain-text intro is escaped to show as written.
        return escape(item.intro)

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return page_datetime(item)


class PublicationsFeed(PageFeed):
    title = "Promeneurs du Net 66 – publications"
    description = "Les publications du réseau des Promeneurs du Net des Pyrénées-Orientales."

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def link(self):
        return self.index_page.get_url(self.request)

    def items(self):
        pages = PublicationPage.objects.live().descendant_of(self.index_page)
        # Public feed: what an anonymous visitor may see, nothing more.
        pages = exclude_hidden_subtrees(pages, AnonymousUser()).order_by("-date", "-first_published_at", "-pk")
        return newest_first(pages[:FEED_LENGTH])


SECTIONS = {
    "": ("actualités et veille", (NewsPage, WatchPage)),
    "actualites": ("actualités du réseau", (NewsPage,)),
    "veille": ("veille documentaire", (WatchPage,)),
}


class MemberFeed(PageFeed):
    """/flux/<key>/[actualites/|veille/]: what the key's owner may see in the space."""

    description = "Flux personnel de l'espace membres : ne le partagez pas."

    def get_object(self, request, key, section=""):
        user = SecretToken.user_for(key, FEEDS_PURPOSE)
        # A former member keeps an active account but loses the feeds.
        if user is None or not is_member(user) or section not in SECTIONS:
            raise Http404("Flux inconnu.")
        self.section = section
        return user

    def title(self, user):
        return f"Promeneurs du Net 66 – {SECTIONS[self.section][0]}"

    def link(self, user):
        return "/espace/"

    def items(self, user):
        items = []
        for model in SECTIONS[self.section][1]:
            pages = exclude_hidden_subtrees(model.objects.live(), user)
            items += pages.order_by("-date", "-first_published_at", "-pk")[:FEED_LENGTH]
        return newest_first(items)[:FEED_LENGTH]

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


@never_cache
def member_feed(request, key, section=""):
    # One Feed object per request: it keeps the request and the section.
    return MemberFeed()(request, key=key, section=section)
