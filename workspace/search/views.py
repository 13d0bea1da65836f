from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.text import Truncator

from workspace.accounts.access import visible_pages
from workspace.accounts.roles import is_member
from workspace.pages.pagination import paginate
from workspace.search.types import LazyHits, SearchHit, search_types, types_for

MAX_QUERY_LENGTH = 200
PER_PAGE = 10
# Records of each kind shown above the pages when the search is over the whole site.
PREVIEW = 5


def page_hit(request):
    def to_hit(page):
        summary = page.search_description or Truncator(getattr(page, "intro", "")).words(30)
        return SearchHit(page.title, page.get_url(request) or "", page.specific_class._meta.verbose_name, summary)

    return to_hit


def search(request):
    raw_query = request.GET.get("q", "")
    query = " ".join(raw_query.split())[:MAX_QUERY_LENGTH]
    kind = request.GET.get("type", "")[:30]
    notices = []
    allowed = types_for(is_member(request.user))
    if kind and kind not in search_types():
        notices.append("Ce type de contenu n'existe pas : la recherche porte sur tout le site.")
        kind = ""
    results, sections, list_notice, page_notice = None, [], "", ""
    if query:
        chosen = allowed.get(kind)
        if kind and chosen is None:
            # A members' kind asked by someone else: nothing, not even whether it exists.
            results, _ = paginate([], None, PER_PAGE)
        elif chosen is not None and chosen.find:
            found = chosen.find(request, query)
            list_notice = found.notice
            results, page_notice = paginate(found.hits, request.GET.get("page"), PER_PAGE)
        else:
            pages = visible_pages(request.user).exclude(depth__lte=1)
            if chosen is not None:
                pages = pages.type(*chosen.models)
            # PostgreSQL full-text search with the "french" configuration (stemming):
            # see WAGTAILSEARCH_BACKENDS.
            hits = LazyHits(pages.specific().search(query), page_hit(request))
            results, page_notice = paginate(hits, request.GET.get("page"), PER_PAGE)
            if not kind and results.number == 1:
                sections = previews(request, query, allowed)
    if page_notice:
        notices.append(page_notice)
    params = {"q": query, **({"type": kind} if kind else {})}
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "kind": kind,
            "kinds": [(slug, allowed[slug].label) for slug in allowed],
            "notices": notices,
            "list_notice": list_notice,
            "sections": sections,
            "extra_query": urlencode(params),
            "truncated": len(" ".join(raw_query.split())) > MAX_QUERY_LENGTH,
            "results": results,
        },
    )


def previews(request, query, kinds):
    """The first records of each kind that is not pages, for a search over the whole site."""
    sections = []
    for kind in kinds.values():
        if kind.find is None:
            continue
        found = kind.find(request, query)
        hits = list(found.hits[: PREVIEW + 1])
        if hits or found.notice:
            sections.append(
                {
                    "kind": kind,
                    "hits": hits[:PREVIEW],
                    "notice": found.notice,
                    "more": urlencode({"q": query, "type": kind.slug}) if len(hits) > PREVIEW else "",
                }
            )
    return sections
