"""The library's blocks on the members' home (workspace/pages/member_home.py): the latest resources,
watch items and network news in the "nouveau" list, and the news put forward."""

from workspace.display import french_date
from workspace.pages import member_home, navigation

from .models import NewsIndexPage, NewsPage, ResourcePage, WatchPage


class NewResourcesBlock(member_home.LatestPagesBlock):
    name = "nouvelles-ressources"
    title = "Ressources"
    model = ResourcePage


class NewWatchBlock(member_home.LatestPagesBlock):
    name = "nouvelle-veille"
    title = "Veille"
    model = WatchPage


class NewNewsBlock(member_home.LatestPagesBlock):
    name = "nouvelles-actualites"
    title = "Actualités du réseau"
    model = NewsPage


class FeaturedNewsBlock(member_home.HomeBlock):
    """The network news put forward (the latest featured one the member may see, else the latest)."""

    name = "a-la-une"
    title = "À la une"
    place = member_home.NETWORK
    order = 10
    shared = True

    def get_items(self, request, since):
        featured = NewsPage.featured_for(request.user)
        if featured is None:
            return []
        more_url = navigation.url_of_first(NewsIndexPage, request)
        return [
            member_home.HomeItem(
                featured.title,
                featured.get_url(request) or "",
                detail=french_date(featured.date, "j F Y"),
                summary=featured.intro,
                links=(("Toutes les actualités du réseau", more_url),) if more_url else (),
            )
        ]
