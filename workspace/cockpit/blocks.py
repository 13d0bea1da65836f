"""The coordinator's cockpit: the admin home lists what needs them now, one block per area.

The cockpit knows no feature. Each area registers its blocks with the ``register_cockpit_block``
hook (a callable that returns a ``CockpitBlock``, as Wagtail's own ``register_*`` hooks do: the
block's class itself), in its own ``wagtail_hooks.py``::

    hooks.register("register_cockpit_block", SupportRequestsBlock)

A block shows a count and its first ``limit`` items, never an unbounded list, so that the page
costs a bounded number of queries whatever the size of the network: two per block (the count and
the slice), plus whatever ``items`` reads through ``select_related``/``prefetch_related``.
"""

from dataclasses import dataclass, field

from django.forms import Media
from django.middleware.csrf import get_token
from wagtail import hooks
from wagtail.admin.ui.components import Component

from workspace.accounts.roles import is_coordination


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


class CockpitBlock(Component):
    """A block of the cockpit. Subclasses set ``name``, ``title``, ``order`` and implement
    ``get_queryset(request)`` and ``item(obj)``; ``more_url`` links to the screen with the whole list."""

    name = ""
    title = ""
    order = 100
    limit = 5
    empty_text = "Rien à signaler."
    more_url = ""
    more_label = "Tout voir"
    # The model permission ("app.codename") needed to see the block; Coordination by default.
    permission = None
    template_name = "cockpit/block.html"

    def is_shown(self, request):
        if self.permission:
            return request.user.has_perm(self.permission)
        return is_coordination(request.user)

    def get_queryset(self, request):
        raise NotImplementedError

    def item(self, obj):
        raise NotImplementedError

    def get_count(self, queryset):
        return queryset.count()

    def get_more_url(self, request):
        return self.more_url

    def get_actions(self, request):
        """Buttons for the whole block (e.g. "remind them all"): a list of ``CockpitAction``."""
        return []

    def get_note(self, request):
        """A line under the title, e.g. what was last done about the block ("relancés le …")."""
        return ""

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        queryset = self.get_queryset(request)
        count = self.get_count(queryset)
        items = [self.item(obj) for obj in queryset[: self.limit]] if count else []
        return {
            "block": self,
            "count": count,
            "items": items,
            "more_url": self.get_more_url(request),
            "actions": self.get_actions(request) if count else [],
            "note": self.get_note(request),
            "request": request,
            "csrf_token": get_token(request),
        }


def cockpit_blocks(request):
    """The blocks registered by every area that this user may see, in their order."""
    blocks = [make() for make in hooks.get_hooks("register_cockpit_block")]
    return sorted((block for block in blocks if block.is_shown(request)), key=lambda block: block.order)


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
