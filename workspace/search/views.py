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


def chapeaux(pages):
    """{page pk: chapeau} of ``pages`` (base pages): one query whatever their types, the tables that
    hold an ``intro`` read together (``specific()`` would read one table per type on the page)."""
    tables = {}
    for page in pages:
        model = page.specific_class
        if model is not None and any(field.name == "intro" for field in model._meta.get_fields()):
            owner = model._meta.get_field("intro").model
            tables.setdefault(owner, []).append(page.pk)
    if not tables:
        return {}
    first, *others = (
        owner.objects.filter(pk__in=pks).order_by().values_list("pk", "intro") for owner, pks in tables.items()
    )
    return dict(first.union(*others, all=True))


def page_hits(request):
    def to_hits(pages):
        intros = chapeaux(pages)
        return [
            SearchHit(
                page.title,
                page.get_url(request) or "",
                page.specific_class._meta.verbose_name,
                page.search_description or Truncator(intros.get(page.pk, "")).words(30),
            )
            for page in pages
        ]

    return to_hits


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
            # The base pages: their types' chapeaux are read in one query (page_hits).
            hits = LazyHits(pages.search(query), to_hits=page_hits(request))
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
