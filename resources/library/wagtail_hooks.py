from wagtail import hooks

from workspace.search.types import SearchType

from . import home_blocks
from .cockpit import PublishShortcutsBlock
from .models import NewsPage, PublicationPage, ResourcePage, WatchPage


@hooks.register("register_search_type")
def library_search_types():
    return [
        SearchType("ressources", "Ressources", (ResourcePage,), members_only=True),
        SearchType("veille", "Veille", (WatchPage,), members_only=True),
        SearchType("actualites", "Actualités du réseau", (NewsPage,), members_only=True),
        SearchType("publications", "Publications", (PublicationPage,)),
    ]


hooks.register("register_cockpit_block", PublishShortcutsBlock)


for block in (
    home_blocks.NewResourcesBlock,
    home_blocks.NewWatchBlock,
    home_blocks.NewNewsBlock,
    home_blocks.FeaturedNewsBlock,
):
    hooks.register("register_space_home_block", block)
