"""The activity's blocks of the coordinator's cockpit (registered in wagtail_hooks.py)."""

from urllib.parse import urlencode

from django.urls import reverse

from network.activity import rules
from network.activity.models import ActivityGrid
from network.activity.models.grids import format_month
from network.activity.reminders import (
    last_reminder,
    missing_grid_promeneurs,
    missing_grids_url,
    reminded_label,
    reminder_month,
)
from workspace.cockpit.blocks import CockpitAction, CockpitBlock, CockpitItem
from workspace.cockpit.shortcuts import ShortcutsBlock
from workspace.display import of


class SupportRequestsBlock(CockpitBlock):
    name = "support-requests"
    watched = ("activity.ActivityGrid", "directory.Promeneur")
    title = "Demandes d'accompagnement"
    order = 10
    empty_text = "Aucune demande d'appui en attente."

    def is_shown(self, request):
        return rules.can_handle_support_request(request.user)

    def get_queryset(self, request):
        return ActivityGrid.objects.support_requests().select_related("promeneur").order_by("updated_at", "pk")

    def item(self, grid):
        return CockpitItem(
            label=f"{grid.promeneur_name()} — {grid.month_label}",
            url=reverse("activity_grids:inspect", args=[grid.pk]),
            detail=grid.support_needed if len(grid.support_needed) <= 140 else grid.support_needed[:139] + "…",
            actions=[
                CockpitAction(
                    "Traité",
                    reverse("activity:support_handled", args=[grid.pk]),
                    post=True,
                    fields={"next": "/admin/"},
                    description=f"Traité : demande {of(grid.promeneur_name())} ({grid.month_label})",
                )
            ],
        )

    def get_more_url(self, request):
        return f"{reverse('activity_grids:index')}?support=a-traiter"


class MissingGridsBlock(CockpitBlock):
    name = "missing-grids"
    watched = (
        "activity.ActivityGrid",
        "activity.GridReminder",
        "directory.Promeneur",
        "directory.Structure",
        "auth.User",
    )
    order = 20
    limit = 8
    empty_text = "Toutes les grilles attendues sont transmises."

    def is_shown(self, request):
        return rules.can_read_all_grids(request.user)

    @property
    def month(self):
        return reminder_month()

    @property
    def title(self):
        return f"Grilles manquantes — {format_month(self.month)}"

    def get_queryset(self, request):
        return missing_grid_promeneurs(self.month)

    def item(self, promeneur):
        return CockpitItem(
            label=promeneur.full_name,
            url=reverse("wagtailsnippets_directory_promeneur:edit", args=[promeneur.pk]),
            detail=promeneur.structure.name if promeneur.structure else "",
        )

    def get_more_url(self, request):
        return missing_grids_url(self.month)

    def get_note(self, request):
        reminder = last_reminder(self.month)
        return reminded_label(reminder).capitalize() + "." if reminder else ""

    def get_actions(self, request):
        if not rules.can_remind_missing_grids(request.user):
            return []
        return [
            CockpitAction(
                "Relancer",
                reverse("activity:remind"),
                post=True,
                fields={"mois": f"{self.month:%Y-%m}", "next": "/admin/"},
            )
        ]


class MonthFiguresBlock(ShortcutsBlock):
    """The month's export and the dashboard, one click from the landing page."""

    name = "month-figures"
    title = "Chiffres du mois"
    order = 80

    def is_shown(self, request):
        return rules.can_read_all_grids(request.user)

    def get_links(self, request):
        month = reminder_month()
        grids = reverse("activity_grids:index")
        period = {"month_from": month.isoformat(), "month_to": month.isoformat()}
        label = format_month(month)
        return [
            (f"Exporter les grilles {of(label)} (XLSX)", f"{grids}?{urlencode({**period, 'export': 'xlsx'})}"),
            (f"Exporter les grilles {of(label)} (CSV)", f"{grids}?{urlencode({**period, 'export': 'csv'})}"),
            ("Tableau de bord de l'activité", reverse("activity:dashboard")),
        ]
