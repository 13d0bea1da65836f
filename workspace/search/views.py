from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode

from workspace.accounts.access import visible_pages

MAX_QUERY_LENGTH = 200


def search(request):
    raw_query = request.GET.get("q", "")
    query = " ".join(raw_query.split())[:MAX_QUERY_LENGTH]
    results = None
    if query:
        pages = visible_pages(request.user).exclude(depth__lte=1).specific()
        results = Paginator(pages.search(query), 10).get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "extra_query": urlencode({"q": query}),
            "truncated": len(" ".join(raw_query.split())) > MAX_QUERY_LENGTH,
            "results": results,
        },
    )
