"""The kinds of content the search can be narrowed to (``?type=``).

The search knows no feature: each app registers its kinds with the
``register_search_type`` hook, returning ``SearchType`` objects. A kind is either page
types (``models``: searched in the pages the visitor may see) or records that are not pages
(``find``: the directory, events, discussions), which the app searches itself."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wagtail import hooks


@dataclass(frozen=True)
class SearchHit:
    """A record found, as the results page shows it."""

    title: str
    url: str
    meta: str = ""
    summary: str = ""


@dataclass(frozen=True)
class Found:
    """What a ``find`` returns: ``hits``, a list or a ``LazyHits`` (only the page shown is read),
    and a French ``notice`` shown above them ("Aucun promeneur à Err ; les plus proches :")."""

    hits: Sequence
    notice: str = ""


class LazyHits:
    """A queryset's rows as hits, read a slice at a time (for the paginator and the previews).
    ``to_hits`` turns a list of rows into hits at once (what it reads for them, read once a slice)."""

    def __init__(self, queryset, to_hit=None, to_hits=None):
        self.queryset = queryset
        self.to_hits = to_hits or (lambda rows: [to_hit(row) for row in rows])

    def count(self):
        return self.queryset.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.to_hits(list(self.queryset[index]))
        return self.to_hits([self.queryset[index]])[0]


@dataclass(frozen=True)
class SearchType:
    slug: str
    label: str
    models: tuple = ()
    members_only: bool = False
    #: ``find(request, query) -> Found``: records, not pages. It returns only what
    #: ``request.user`` may see; a members-only kind is never asked for anyone else.
    find: Callable | None = None


def search_types():
    """{slug: SearchType}, in the order the apps registered them."""
    return {kind.slug: kind for hook in hooks.get_hooks("register_search_type") for kind in hook()}


def types_for(user_is_member):
    """The kinds a visitor may search: the members' sections only for members."""
    return {slug: kind for slug, kind in search_types().items() if user_is_member or not kind.members_only}
