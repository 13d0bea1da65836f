"""Practice-analysis sessions and the discussions they covered.

The events app knows nothing of the exchanges: this module adds the link to the
event's admin form and the "discussed exchanges" section to the event page,
through the events app's hooks (registered in wagtail_hooks.py)."""

from django import forms
from django.template.loader import render_to_string
from wagtail.admin.panels import FieldPanel

from workspace.accounts.roles import is_member

from . import rules
from .models import Discussion, ExchangeIndexPage


def discussions_shown_on(event, user):
    """The linked discussions a visitor may read on the event page: none outside the
    members' space (discussion titles are members-only), never a hidden one: what every member
    reads (rules.visible_to_every_member), the same on the page whoever the member is."""
    if user is None or not is_member(user):
        return []
    return list(event.discussions.visible_to_every_member().order_by("created_at", "pk"))


def event_page_section(request, event):
    discussions = discussions_shown_on(event, request.user)
    index = ExchangeIndexPage.objects.live().first() if discussions else None
    if index is None:
        return ""
    context = {"discussions": discussions, "exchanges_url": index.url}
    return render_to_string("exchanges/includes/event_discussions.html", context, request=request)


class DiscussedExchangesField:
    """The event form's "Discussions abordées". Only visible discussions are offered; a linked
    discussion hidden since stays linked (it is shown nowhere while hidden) instead of being
    dropped by the next save."""

    name = "discussions"

    def form_field(self):
        return forms.ModelMultipleChoiceField(
            queryset=Discussion.objects.visible_to_every_member().order_by("-created_at", "-pk"),
            required=False,
            label="Discussions abordées",
            widget=forms.CheckboxSelectMultiple,
            help_text="Pour une analyse de pratiques : les échanges discutés pendant la séance "
            "(visibles des seuls membres sur la page de l'événement).",
        )

    def panel(self):
        return FieldPanel(self.name)

    def initial(self, event):
        if not event.pk:
            return []
        return list(event.discussions.visible_to_every_member().values_list("pk", flat=True))

    def save(self, event, chosen):
        # The linked discussions the form does not offer (hidden since) stay linked.
        event.discussions.set([*chosen, *event.discussions.exclude(rules.visible_to_every_member())])
