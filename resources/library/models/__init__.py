from .news import NewsIndexMixin, NewsPage, NewsPageTag, PublicationPage, PublicationPageTag
from .resources import ResourceIndexMixin, ResourcePage, ResourcePageTag
from .sections import MyFeedsPage, NewsIndexPage, PublicationIndexPage, ResourceIndexPage, WatchIndexPage
from .watch import WatchIndexMixin, WatchPage, WatchPageTag

__all__ = [
    "MyFeedsPage",
    "NewsIndexMixin",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationPageTag",
    "ResourceIndexMixin",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourcePageTag",
    "WatchIndexMixin",
    "WatchIndexPage",
    "WatchPage",
    "WatchPageTag",
]
