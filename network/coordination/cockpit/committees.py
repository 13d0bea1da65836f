"""The secretariat's lines on the cockpit: what the committees are waiting for from the coordinator."""

import datetime

from django.db.models import Q
from django.urls import reverse, reverse_lazy
from django.utils import timezone

from network.coordination.models import Decision, Meeting
from workspace.cockpit.blocks import CockpitBlock, CockpitItem

# An agenda is due this long before its meeting: members need the time to read the papers.
AGENDA_NOTICE = datetime.timedelta(days=21)


def edit_url(meeting_pk):
    return reverse("wagtailsnippets_coordination_meeting:edit", args=[meeting_pk])


class CommitteePapersBlock(CockpitBlock):
    name = "committee-papers"
    watched = ("coordination.Meeting", "coordination.CommitteePage")
    title = "Comités : ordres du jour et comptes rendus à publier"
    order = 60
    permission = "coordination.change_meeting"
    more_url = reverse_lazy("wagtailsnippets_coordination_meeting:list")

    def get_queryset(self, request):
        now = timezone.now()
        return (
            Meeting.objects.filter(
                Q(starts_at__gte=now, starts_at__lte=now + AGENDA_NOTICE, agenda_sent_at__isnull=True)
                | Q(starts_at__lt=now, minutes_sent_at__isnull=True)
            )
            .select_related("committee")
            .order_by("starts_at")
        )

    def item(self, meeting):
        due = "Ordre du jour à publier" if meeting.is_upcoming else "Compte rendu à publier"
        when = timezone.localtime(meeting.starts_at).strftime("%d/%m/%Y")
        return CockpitItem(label=f"{meeting.committee.title} — {when}", url=edit_url(meeting.pk), detail=due)


class OverdueDecisionsBlock(CockpitBlock):
    name = "committee-decisions"
    watched = ("coordination.Decision", "coordination.Meeting", "coordination.CommitteePage", "auth.User")
    title = "Décisions des comités en retard"
    order = 61
    # A decision is written and closed in its meeting's form.
    permission = "coordination.change_meeting"

    def get_queryset(self, request):
        return Decision.objects.overdue().select_related("meeting__committee", "owner_user").order_by("due_date")

    def item(self, decision):
        owner = f" · {decision.owner}" if decision.owner else ""
        return CockpitItem(
            label=decision.text[:120],
            url=edit_url(decision.meeting_id),
            detail=f"{decision.meeting.committee.title} · échéance {decision.due_date:%d/%m/%Y}{owner}",
        )
