from django.shortcuts import render
from django.utils.http import urlencode

from workspace.accounts.access import visible_pages
from workspace.accounts.roles import is_member
from workspace.pages.pagination import paginate
from workspace.search.types import choices_for, search_types

MAX_QUERY_LENGTH = 200
PER_PAGE = 10


def search(request):
    raw_query = request.GET.get("q", "")
    query = " ".join(raw_query.split())[:MAX_QUERY_LENGTH]
    kind = request.GET.get("type", "")[:30]
    notices = []
    types = search_types()
    if kind and kind not in types:
        notices.append("Ce type de contenu n'existe pas : la recherche porte sur tout le site.")
        kind = ""
    results = None
    if query:
        pages = visible_pages(request.user).exclude(depth__lte=1)
        if kind:
            pages = pages.type(*types[kind].models)
        # PostgreSQL full-text search with the "french" configuration (stemming):
        # see WAGTAILSEARCH_BACKENDS.
        results, page_notice = paginate(pages.specific().search(query), request.GET.get("page"), PER_PAGE)
        if page_notice:
            notices.append(page_notice)
    params = {"q": query, **({"type": kind} if kind else {})}
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "kind": kind,
            "kinds": choices_for(is_member(request.user)),
            "notices": notices,
            "extra_query": urlencode(params),
            "truncated": len(" ".join(raw_query.split())) > MAX_QUERY_LENGTH,
            "results": results,
        },
    )
