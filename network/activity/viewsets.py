"""Back office of the activity grids: grids (read, reopen, export), the coordination journal,
and the evaluation dashboard with its yearly report."""

import django_filters
from django.db.models import Q, Sum
from django.urls import path, reverse
from django.utils import timezone
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from network.activity import admin_views as activity_admin_views
from network.activity import reminder_views, rules
from network.activity.models import ActivityGrid, CoordinationJournalEntry
from network.activity.stats import journal_concerning
from network.directory.models import SocialProfile, Structure, Territory
from workspace.admin_permissions import WrittenOnTheSiteMixin
from workspace.admin_wording import FrenchWordingViewSetMixin
from workspace.exports import SafeExportViewSetMixin

NETWORK_CODES = [code for code, _label in SocialProfile.Network.choices]
NETWORK_LABELS = dict(SocialProfile.Network.choices)
COUNT_LABELS = {"messages": "messages", "young_people": "jeunes accompagnés", "new_young_people": "nouveaux jeunes"}


class ActivityGridFilterSet(WagtailFilterSet):
    month = django_filters.DateFromToRangeFilter(label="Mois (du … au …)", widget=DateRangePickerWidget)
    status = django_filters.ChoiceFilter(label="État", choices=ActivityGrid.Status.choices)
    territory = django_filters.ModelChoiceFilter(
        label="Territoire", queryset=Territory.objects.all(), method="filter_territory"
    )
    structure = django_filters.ModelChoiceFilter(
        label="Structure", queryset=Structure.objects.all(), field_name="promeneur__structure"
    )
    support = django_filters.ChoiceFilter(
        label="Accompagnement demandé",
        choices=[("a-traiter", "Oui, à traiter"), ("traite", "Oui, traité"), ("oui", "Oui"), ("non", "Non")],
        method="filter_support",
    )

    class Meta:
        model = ActivityGrid
        fields = ["month", "status", "territory", "structure", "support"]

    def filter_support(self, queryset, name, value):
        if value == "a-traiter":
            return queryset.support_requests()
        if value == "traite":
            return queryset.exclude(support_needed="").filter(support_handled_at__isnull=False)
        if value == "oui":
            return queryset.exclude(support_needed="")
        return queryset.filter(support_needed="")

    def filter_territory(self, queryset, name, value):
        inside = Q(promeneur__structure__territory=value) | Q(promeneur__territories=value)
        return queryset.filter(pk__in=ActivityGrid.objects.filter(inside).values("pk"))


class GridIndexView(generic.IndexView):
    def get_base_queryset(self):
        totals = {
            f"{network}_{count}": Sum(f"network_activities__{count}", filter=Q(network_activities__network=network))
            for network in NETWORK_CODES
            for count in COUNT_LABELS
        }
        totals.update({f"total_{count}": Sum(f"network_activities__{count}") for count in COUNT_LABELS})
        return (
            super()
            .get_base_queryset()
            .select_related("promeneur__structure__territory")
            .prefetch_related("themes")
            .annotate(**totals)
        )


def grid_export_fields():
    fields = [
        "promeneur_name",
        "structure_name",
        "territory_name",
        "month",
        "get_status_display",
        "hours_per_week",
        "devices_display",
        "themes_display",
        "total_messages",
        "total_young_people",
        "total_new_young_people",
    ]
    fields += [f"{network}_{count}" for network in NETWORK_CODES for count in COUNT_LABELS]
    return fields + ["actions_planned", "support_needed", "training_wishes", "difficulties", "submitted_at"]


def grid_export_headings():
    headings = {
        "promeneur_name": "Promeneur",
        "structure_name": "Structure",
        "territory_name": "Territoire",
        "month": "Mois",
        "get_status_display": "État",
        "hours_per_week": "Heures en ligne par semaine",
        "devices_display": "Outils",
        "themes_display": "Thématiques abordées",
        "total_messages": "Messages (tous réseaux)",
        "total_young_people": "Jeunes accompagnés (tous réseaux)",
        "total_new_young_people": "Nouveaux jeunes (tous réseaux)",
        "actions_planned": "Actions prévues",
        "support_needed": "Besoin d'appui",
        "training_wishes": "Souhaits de formation",
        "difficulties": "Difficultés",
        "submitted_at": "Transmise le",
    }
    for network in NETWORK_CODES:
        for count, label in COUNT_LABELS.items():
            headings[f"{network}_{count}"] = f"{NETWORK_LABELS[network]} : {label}"
    return headings


class GridStatusEditView(generic.EditView):
    """The coordination changes a grid's state only (mostly: reopens it); dates follow."""

    def save_instance(self):
        grid = self.form.instance
        if grid.status == ActivityGrid.Status.REOPENED and "status" in self.form.changed_data:
            grid.reopened_at = timezone.now()
        if grid.status == ActivityGrid.Status.SUBMITTED and not grid.submitted_at:
            grid.submitted_at = timezone.now()
        return super().save_instance()


class ActivityGridViewSet(WrittenOnTheSiteMixin, FrenchWordingViewSetMixin, SafeExportViewSetMixin, ModelViewSet):
    """Grids are written by promeneurs on the site: the admin reads, reopens and deletes them."""

    model = ActivityGrid
    name = "activity_grids"
    url_prefix = "activite/grilles"
    icon = "table"
    menu_label = "Grilles d'activité"
    index_view_class = GridIndexView
    edit_view_class = GridStatusEditView
    add_to_admin_menu = False
    list_display = [
        "promeneur_name",
        "month",
        Column("status", label="État", accessor="get_status_display"),
        "hours_per_week",
        Column("total_young_people", label="Jeunes accompagnés"),
        Column("support", label="Accompagnement demandé", accessor="support_status"),
        "submitted_at",
    ]
    filterset_class = ActivityGridFilterSet
    list_export = grid_export_fields()
    export_headings = grid_export_headings()
    export_filename = "grilles-activite"
    ordering = ["-month", "promeneur__last_name"]
    search_fields = None
    inspect_view_enabled = True
    inspect_view_fields = [
        "promeneur",
        "month",
        "status",
        "hours_per_week",
        "devices_display",
        "themes_display",
        "network_summary",
        "actions_summary",
        "actions_planned",
        "support_needed",
        "support_handled_at",
        "support_handled_by",
        "training_wishes",
        "difficulties",
        "submitted_at",
        "reopened_at",
    ]
    copy_view_enabled = False

    # The coordination only reopens a grid: its content stays the promeneur's.
    panels = [FieldPanel("status")]


class JournalFilterSet(WagtailFilterSet):
    date = django_filters.DateFromToRangeFilter(label="Date (du … au …)", widget=DateRangePickerWidget)
    kind = django_filters.ChoiceFilter(label="Type d'action", choices=CoordinationJournalEntry.Kind.choices)
    structures = django_filters.ModelChoiceFilter(
        label="Structure (ou l'un de ses promeneurs)", queryset=Structure.objects.all(), method="concerning"
    )
    territory = django_filters.ModelChoiceFilter(
        label="Territoire (ou l'un de ses promeneurs)", queryset=Territory.objects.all(), method="concerning"
    )

    class Meta:
        model = CoordinationJournalEntry
        fields = ["date", "kind", "structures", "territory"]

    def concerning(self, queryset, name, value):
        return queryset  # both at once, in filter_queryset

    def filter_queryset(self, queryset):
        # The dashboard's rule, both filters together: its "Journal de la période" export then holds
        # the actions it counts, those about one of the structure's (or territory's) promeneurs too.
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        return journal_concerning(queryset, data.get("structures"), data.get("territory"))


class JournalIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("promeneurs", "structures")


class JournalCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.author = self.request.user
        return super().save_instance()


class CoordinationJournalViewSet(FrenchWordingViewSetMixin, SafeExportViewSetMixin, ModelViewSet):
    model = CoordinationJournalEntry
    name = "coordination_journal"
    url_prefix = "activite/journal"
    icon = "list-ul"
    menu_label = "Journal de coordination"
    add_to_admin_menu = False
    index_view_class = JournalIndexView
    add_view_class = JournalCreateView
    list_display = ["date", "kind", "medium", "duration_minutes", "promeneurs_display", "structures_display"]
    filterset_class = JournalFilterSet
    list_export = [
        "date",
        "get_kind_display",
        "get_medium_display",
        "duration_minutes",
        "promeneurs_display",
        "structures_display",
        "notes",
    ]
    export_headings = {
        "date": "Date",
        "get_kind_display": "Type d'action",
        "get_medium_display": "Modalité",
        "duration_minutes": "Durée (minutes)",
        "promeneurs_display": "Promeneurs concernés",
        "structures_display": "Structures concernées",
        "notes": "Notes",
    }
    export_filename = "journal-coordination"
    search_fields = ["notes"]
    copy_view_enabled = True
    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("medium"), FieldPanel("duration_minutes")]),
        FieldPanel("promeneurs"),
        FieldPanel("structures"),
        FieldPanel("notes"),
    ]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.can_read_all_grids(request.user)


class EvaluationViewSet(ViewSet):
    """The dashboard (/admin/activite/) and the printable yearly report."""

    name = "activity"
    url_prefix = "activite"
    icon = "view"
    menu_label = "Tableau de bord"
    add_to_admin_menu = False

    def get_urlpatterns(self):
        return [
            path("", activity_admin_views.dashboard, name="dashboard"),
            path("rapport/", activity_admin_views.yearly_report, name="report"),
            path("grilles-manquantes/", reminder_views.missing_grids, name="missing_grids"),
            path("relances/", reminder_views.remind_missing_grids, name="remind"),
            path("appui/<int:pk>/traite/", reminder_views.mark_support_handled, name="support_handled"),
        ]

    def get_menu_item(self, order=None):
        return DashboardMenuItem(self.menu_label, reverse("activity:dashboard"), icon_name=self.icon, order=order or 0)


class ActivityViewSetGroup(ViewSetGroup):
    menu_label = "Activité"
    menu_icon = "table"
    menu_order = 250
    items = (EvaluationViewSet, ActivityGridViewSet, CoordinationJournalViewSet)
