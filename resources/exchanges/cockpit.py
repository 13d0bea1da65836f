"""The exchanges' block of the coordinator's cockpit (registered in wagtail_hooks.py)."""

from django.urls import reverse

from resources.exchanges.models.discussions import Report
from workspace.cockpit.blocks import CockpitBlock, CockpitItem
from workspace.display import french_date


class ReportedMessagesBlock(CockpitBlock):
    """Messages reported by members that no moderator has handled yet."""

    name = "reported-messages"
    watched = ("exchanges.Report", "exchanges.Message", "exchanges.Discussion")
    title = "Messages signalés à modérer"
    order = 30
    empty_text = "Aucun signalement en attente."
    # The same permission as the admin's reports screen.
    permission = "exchanges.change_report"

    def get_queryset(self, request):
        return (
            Report.objects.filter(handled=False)
            .select_related("message__discussion", "reporter")
            .order_by("created_at", "pk")
        )

    def item(self, report):
        reported = french_date(report.created_at, "j F Y")
        return CockpitItem(
            label=f"« {report.message.excerpt(80)} »",
            url=reverse("wagtailsnippets_exchanges_report:edit", args=[report.pk]),
            detail=f"{report.message.discussion.title} — signalé le {reported}",
        )

    def get_more_url(self, request):
        return f"{reverse('wagtailsnippets_exchanges_report:list')}?handled=false"
