"""The members' home (/espace/): what waits for me, what is new since my last visit, where the
network is talking.

The home knows no feature. Each area registers its blocks with the ``register_space_home_block``
hook (a callable returning a ``HomeBlock``, like the cockpit's blocks), in its own
``wagtail_hooks.py``::

    @hooks.register("register_space_home_block")
    def grid_due():
        return GridDueBlock()

A block says where it goes (``place``: ``FOR_ME``, ``NEW`` or ``NETWORK``), its ``order`` there, and
returns its ``HomeItem``s from ``get_items(request, since)`` (``since``: the member's previous visit),
or an empty list when it has nothing to say: it is then not shown. The items of the ``NEW`` blocks
are merged into one list by date and marked "nouveau" when they are newer than the last visit.

Cost: one query per block at most (``select_related``, annotations, never one per item). A block
that is the same for everyone who sees the same things sets ``shared = True`` and says who those
are (``shared_key``): its items then come from the shared cache, for a short while or until a page
changes. Personal blocks (``shared = False``, the default) are built for the member at each request
and never cached.

The charter to accept (built with the governance issue) plugs in the same way, from its own area::

    class CharterToAcceptBlock(member_home.HomeBlock):
        name = "charte"
        title = "La charte"
        order = 5  # before the grid: the first thing a member must do

        def get_items(self, request, since):
            # One query: the current version, and whether this member accepted it.
            ...
            return [] if accepted else [member_home.HomeItem("Lire et accepter la charte (version 2027)", url)]
"""

import dataclasses
import datetime
import hashlib

from django.core.cache import cache
from wagtail import hooks

from workspace.accounts.access import exclude_hidden_subtrees, hidden_page_paths
from workspace.pages import navigation

FOR_ME = "pour-moi"
NEW = "nouveau"
NETWORK = "reseau"
PLACES = {
    FOR_ME: "Pour moi, maintenant",
    NEW: "Nouveau depuis ma dernière visite",
    NETWORK: "Le réseau échange",
}
NEW_LIMIT = 10
# Shared blocks (the latest discussions, events with places left…) may be this late.
SHARED_SECONDS = 120


@dataclasses.dataclass
class HomeItem:
    title: str
    url: str = ""
    # One line under the title: a date, a place, a state, what is missing…
    detail: str = ""
    summary: str = ""
    # When it appeared: the "nouveau" list is sorted and marked by it.
    date: datetime.datetime | None = None
    section: str = ""
    # Further links of the item: (label, url) pairs, e.g. the event's .ics file.
    links: tuple = ()
    # A short label put forward: "Liste d'attente : 2e", "Sans réponse"…
    badge: str = ""
    is_new: bool = False


class HomeBlock:
    name = ""
    title = ""
    place = FOR_ME
    order = 100
    limit = 5
    shared = False
    template_name = "pages/home/block.html"

    def is_shown(self, request):
        return True

    def get_items(self, request, since):
        raise NotImplementedError

    def shared_key(self, request):
        """Who gets the same items (shared blocks only): by default, those who may see the same pages."""
        return hashlib.sha256("|".join(hidden_page_paths(request.user)).encode()).hexdigest()[:16]

    def items(self, request, since):
        if not self.shared:
            return self.get_items(request, since)
        key = f"space-home:{navigation.version()}:{self.name}:{self.shared_key(request)}"
        items = cache.get(key)
        if items is None:
            # Built without the member's last visit: the same list serves everyone with this key.
            items = self.get_items(request, None)
            cache.set(key, items, SHARED_SECONDS)
        return items


class LatestPagesBlock(HomeBlock):
    """The latest pages of a type the member may see, for the "nouveau" list."""

    place = NEW
    shared = True
    model = None

    def summary(self, page):
        return page.intro

    def get_items(self, request, since):
        pages = exclude_hidden_subtrees(self.model.objects.live(), request.user).order_by("-first_published_at", "-pk")[
            : self.limit
        ]
        return [
            HomeItem(
                page.title,
                page.get_url(request) or "",
                date=page.first_published_at,
                section=self.title,
                summary=self.summary(page),
            )
            for page in pages
        ]


def registered_blocks(request):
    blocks = [make() for make in hooks.get_hooks("register_space_home_block")]
    return sorted((block for block in blocks if block.is_shown(request)), key=lambda block: block.order)


def _marked(items, since):
    return [dataclasses.replace(item, is_new=bool(item.date and since and item.date > since)) for item in items]


def home_places(request, since):
    """The home's three places in order, each with its blocks that have something to say:
    ``[{"name", "title", "blocks": [{"block", "items"}]}]``; the "nouveau" place holds one merged list."""
    by_place = {place: [] for place in PLACES}
    blocks = registered_blocks(request)
    personal = [(block, block.items(request, since)) for block in blocks if block.place == FOR_ME]
    # What is already in "pour moi" (my registration, my discussion) is not repeated below it.
    mine = {item.url for _block, items in personal for item in items if item.url}
    others = [(block, block.items(request, since)) for block in blocks if block.place != FOR_ME]
    for block, items in personal + others:
        items = items if block.place == FOR_ME else [item for item in items if item.url not in mine]
        if items and block.place in by_place:
            by_place[block.place].append({"block": block, "items": _marked(items, since)})
    merged = [item for entry in by_place[NEW] for item in entry["items"]]
    merged.sort(key=lambda item: item.date or datetime.datetime.min.replace(tzinfo=datetime.UTC), reverse=True)
    by_place[NEW] = [{"block": None, "items": merged[:NEW_LIMIT]}] if merged else []
    return [{"name": place, "title": title, "blocks": by_place[place]} for place, title in PLACES.items()]
