"""The coordinator's cockpit: the admin home lists what needs them now, one block per area.

The cockpit knows no feature. Each area registers its blocks with the ``register_cockpit_block``
hook (a callable that returns a ``CockpitBlock``, as Wagtail's own ``register_*`` hooks do: the
block's class itself), in its own ``wagtail_hooks.py``::

    hooks.register("register_cockpit_block", SupportRequestsBlock)

A block shows a count and its first ``limit`` items, never an unbounded list, so that the page
costs a bounded number of queries whatever the size of the network: one per block (the first items,
each carrying the count of all: ``COUNT(*) OVER ()``), plus whatever ``items`` reads through
``select_related``/``prefetch_related``.

What a block shows is the same for every coordinator: it is built once and kept in the shared
cache, forgotten when one of the models the block reads (``watched``) is saved or deleted, and after
``CACHE_SECONDS`` at most, since time moves on (an event starts, a month ends). Code that writes
those models behind the signals' back (``update()``, ``bulk_create``) calls ``forget_blocks``.
"""

from dataclasses import dataclass, field
from functools import cache as once

from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Count, Window
from django.forms import Media
from django.middleware.csrf import get_token
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component


@dataclass
class CockpitItem:
    """One line of a block: what it is, where the coordinator acts on it, and what else to know."""

    label: str
    url: str = ""
    detail: str = ""
    # Buttons shown on the line: (label, url) pairs; a POST button when ``post`` is true.
    actions: list = field(default_factory=list)


@dataclass
class CockpitAction:
    label: str
    url: str
    post: bool = False
    # A hidden field sent with the POST (name, value), e.g. the item's primary key.
    fields: dict = field(default_factory=dict)
    # The accessible name when the label alone is ambiguous (one "Traité" per line): it starts
    # with the visible label, e.g. "Traité : demande de Lucie Martin".
    description: str = ""


CACHE_SECONDS = 120


def _key(name):
    return f"cockpit:block:{name}"


class CockpitBlock(Component):
    """A block of the cockpit. Subclasses set ``name``, ``title``, ``order``, ``watched`` and implement
    ``get_queryset(request)`` and ``item(obj)``; ``more_url`` links to the screen with the whole list.
    ``get_queryset`` and ``item`` must not depend on who asks (the result is shared); the queryset
    must not be ``distinct()`` (the count is a window over its rows). A block whose items no other
    screen lists (promeneurs without a convention, reviews due) sets ``lists_every_item``: its "more"
    link opens the cockpit's own page of the block, every item with its actions (views.py)."""

    name = ""
    title = ""
    order = 100
    limit = 5
    empty_text = "Rien à signaler."
    more_url = ""
    more_label = "Tout voir"
    lists_every_item = False
    # The model permission ("app.codename") needed to see the block: required, unless the block
    # overrides ``is_shown`` with a named rule of its area. A block never guesses from a group name.
    permission = None
    template_name = "cockpit/block.html"
    # The models the block reads ("app_label.Model"): a write to one of them rebuilds the block.
    watched = ()

    def is_shown(self, request):
        if not self.permission:
            name = type(self).__name__
            raise ImproperlyConfigured(f"The cockpit block {name} says neither its permission nor its rule.")
        return request.user.has_perm(self.permission)

    def get_queryset(self, request):
        raise NotImplementedError

    def item(self, obj):
        raise NotImplementedError

    def get_more_url(self, request):
        if self.lists_every_item:
            return reverse("cockpit_block", args=[self.name])
        return self.more_url

    def get_actions(self, request):
        """Buttons for the whole block (e.g. "remind them all"): a list of ``CockpitAction``."""
        return []

    def get_note(self, request):
        """A line under the title, e.g. what was last done about the block ("relancés le …")."""
        return ""

    def get_data(self, request):
        """What the block shows, the same for every coordinator: one query."""
        rows = list(self.get_queryset(request).annotate(cockpit_count=Window(Count("*")))[: self.limit])
        return {
            "count": rows[0].cockpit_count if rows else 0,
            "items": [self.item(obj) for obj in rows],
            "note": self.get_note(request),
        }

    def shared_data(self, request):
        data = cache.get(_key(self.name))
        if data is None:
            data = self.get_data(request)
            cache.set(_key(self.name), data, CACHE_SECONDS)
        return data

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        data = self.shared_data(request)
        return {
            "block": self,
            **data,
            "more_url": self.get_more_url(request),
            "actions": self.get_actions(request) if data["count"] else [],
            "request": request,
            "csrf_token": get_token(request),
        }


def registered_block(name):
    """The registered block called ``name``, or None."""
    return next(
        (block for block in (make() for make in hooks.get_hooks("register_cockpit_block")) if block.name == name), None
    )


def cockpit_blocks(request):
    """The blocks registered by every area that this user may see, in their order."""
    blocks = [make() for make in hooks.get_hooks("register_cockpit_block")]
    return sorted((block for block in blocks if block.is_shown(request)), key=lambda block: block.order)


@once
def _watchers():
    """{model: names of the blocks that read it}, from every registered block."""
    watchers = {}
    for make in hooks.get_hooks("register_cockpit_block"):
        block = make()
        for label in block.watched:
            watchers.setdefault(apps.get_model(label), set()).add(block.name)
    return watchers


def forget_blocks(*models):
    """The blocks that read ``models`` are built again by the next visitor (now, and once the
    writer's transaction is committed: a visitor in between may have kept what it read before)."""
    names = set().union(*(_watchers().get(model, ()) for model in models))
    if names:
        keys = [_key(name) for name in names]
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))


def forget_every_block():
    """After a bulk load (every block is built again by the next visitor)."""
    cache.delete_many([_key(make().name) for make in hooks.get_hooks("register_cockpit_block")])


def model_written(sender, instance, **kwargs):
    """post_save, post_delete and m2m_changed (whose sender is the table of the relation) of any
    model: connected in apps.py."""
    forget_blocks(sender, type(instance))


class CockpitPanel(Component):
    """The admin home's first panel: every registered block, in a grid."""

    name = "cockpit"
    order = 10
    template_name = "cockpit/panel.html"

    def __init__(self, request):
        self.blocks = cockpit_blocks(request)

    @property
    def media(self):
        return Media(css={"all": ["cockpit/cockpit.css"]})

    def get_context_data(self, parent_context):
        return {"blocks": self.blocks, "request": parent_context["request"]}
