"""The page of one cockpit block: every item, where the block shows the first few (a block sets
``lists_every_item`` when no other screen lists them)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from workspace.pages.pagination import paginate

from .blocks import registered_block

ITEMS_PER_PAGE = 50


def block_items(request, name):
    block = registered_block(name)
    if block is None or not block.lists_every_item:
        raise Http404
    if not block.is_shown(request):
        raise PermissionDenied
    page, notice = paginate(block.get_queryset(request), request.GET.get("p"), ITEMS_PER_PAGE)
    return render(
        request,
        "cockpit/block_items.html",
        {"cockpit_block": block, "page": page, "items": [block.item(obj) for obj in page], "notice": notice},
    )
