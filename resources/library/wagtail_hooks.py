from django.template.loader import render_to_string
from wagtail import hooks

from workspace.search.types import SearchType

from .cockpit import PublishShortcutsBlock
from .models import NewsPage, PublicationPage, ResourcePage, WatchPage
from .templatetags.library_tags import featured_news


@hooks.register("register_search_type")
def library_search_types():
    return [
        SearchType("ressources", "Ressources", (ResourcePage,), members_only=True),
        SearchType("veille", "Veille", (WatchPage,), members_only=True),
        SearchType("actualites", "Actualités du réseau", (NewsPage,), members_only=True),
        SearchType("publications", "Publications", (PublicationPage,)),
    ]


@hooks.register("space_home_blocks")
def featured_news_block(request):
    context = featured_news({"request": request})
    return render_to_string("library/includes/featured.html", context, request=request).strip()


@hooks.register("register_cockpit_block")
def publish_shortcuts_block():
    return PublishShortcutsBlock()
