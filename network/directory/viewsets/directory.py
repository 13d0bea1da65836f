"""The directory in the Wagtail admin: snippets of promeneurs, structures, territories and themes,
their filters, and what the CSV / XLSX exports contain."""

import django_filters
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from network.directory.importing import (
    PROMENEUR_EXPORT,
    PROMENEUR_EXPORT_HEADINGS,
    STRUCTURE_EXPORT,
    STRUCTURE_EXPORT_HEADINGS,
)
from network.directory.models import Promeneur, SocialProfile, Structure, Territory, Theme
from network.directory.rules import can_import
from network.directory.viewsets import imports
from network.directory.viewsets.communes import commune_chooser_viewset
from network.directory.viewsets.relays import RelayViewSet
from workspace.admin_wording import FrenchWordingViewSetMixin
from workspace.exports import SafeExportViewSetMixin

YES_NO = [("true", "Oui"), ("false", "Non")]


class PromeneurFilterSet(WagtailFilterSet):
    territoire = django_filters.ModelChoiceFilter(
        label="Territoire", field_name="territories", queryset=Territory.objects.all(), distinct=True
    )
    structure = django_filters.ModelChoiceFilter(label="Structure", queryset=Structure.objects.all())
    reseau = django_filters.ChoiceFilter(
        label="Réseau social",
        field_name="social_profiles__network",
        choices=SocialProfile.Network.choices,
        distinct=True,
    )
    is_active = django_filters.BooleanFilter(label="Actif")
    public_listing = django_filters.BooleanFilter(label="Dans l'annuaire public")
    a_relire = django_filters.BooleanFilter(label="Profil modifié depuis la dernière relecture", method="filter_review")

    class Meta:
        model = Promeneur
        fields = []

    def filter_review(self, queryset, name, value):
        pending = Promeneur.objects.changed_since_review().values("pk")
        if value is None:
            return queryset
        return queryset.filter(pk__in=pending) if value else queryset.exclude(pk__in=pending)


class ImportableIndexView(IndexView):
    """A listing whose header offers to import a file of its records."""

    import_kind = None

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if can_import(self.request.user, self.import_kind):
            url = reverse("network_directory_import") + f"?type={self.import_kind}"
            buttons.append(HeaderButton("Importer un fichier", url=url, icon_name="upload"))
        return buttons


class PromeneurIndexView(ImportableIndexView):
    import_kind = "promeneurs"


class StructureIndexView(ImportableIndexView):
    import_kind = "structures"


class TerritoryViewSet(FrenchWordingViewSetMixin, SafeExportViewSetMixin, SnippetViewSet):
    model = Territory
    icon = "site"
    menu_label = "Territoires"
    list_display = ["name", "kind", "code"]
    list_filter = ["kind"]
    search_fields = ["name"]
    list_export = ["name", "get_kind_display", "code"]
    export_headings = {"get_kind_display": "Type", "code": "Code officiel"}
    export_filename = "territoires"
    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("code")]


class ThemeViewSet(FrenchWordingViewSetMixin, SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Thématiques"
    list_display = ["name"]
    panels = [FieldPanel("name"), FieldPanel("slug")]


class StructureViewSet(FrenchWordingViewSetMixin, SafeExportViewSetMixin, SnippetViewSet):
    model = Structure
    icon = "home"
    menu_label = "Structures"
    list_display = ["name", "kind", "commune", "territory", "status"]
    list_filter = ["kind", "territory", "status", "priority_neighbourhood", "open_data"]
    search_fields = ["name", "commune"]
    search_backend_name = None
    index_view_class = StructureIndexView
    list_export = STRUCTURE_EXPORT
    export_headings = STRUCTURE_EXPORT_HEADINGS
    export_filename = "structures"

    def get_queryset(self, request):
        return Structure.objects.select_related("territory", "insee_commune")

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("commune"),
                FieldPanel("insee_commune", widget=commune_chooser_viewset.widget_class),
                FieldPanel("territory"),
            ],
            heading="Adresse",
        ),
        FieldPanel("phone"),
        FieldPanel("website"),
        FieldPanel("priority_neighbourhood"),
        FieldPanel("open_data"),
        MultiFieldPanel(
            [
                FieldPanel("referent_name"),
                FieldPanel("referent_role"),
                FieldPanel("referent_email"),
                FieldPanel("referent_phone"),
            ],
            heading="Référent de la structure",
        ),
    ]


class PromeneurViewSet(FrenchWordingViewSetMixin, SafeExportViewSetMixin, SnippetViewSet):
    model = Promeneur
    icon = "user"
    menu_label = "Promeneurs"
    list_display = ["full_name", "structure", "is_active", "public_listing", "updated_at"]
    filterset_class = PromeneurFilterSet
    search_fields = ["first_name", "last_name", "email"]
    search_backend_name = None  # the database's own search: every field, no index to keep up to date
    index_view_class = PromeneurIndexView
    list_export = PROMENEUR_EXPORT
    export_headings = PROMENEUR_EXPORT_HEADINGS
    export_filename = "promeneurs"

    def get_queryset(self, request):
        return Promeneur.objects.select_related("structure").prefetch_related("territories", "social_profiles")

    panels = [
        MultiFieldPanel(
            [FieldPanel("first_name"), FieldPanel("last_name"), FieldPanel("user"), FieldPanel("photo")],
            heading="Identité",
        ),
        MultiFieldPanel(
            [FieldPanel("job_title"), FieldPanel("structure"), FieldPanel("territories"), FieldPanel("themes")],
            heading="Fonction",
        ),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone")], heading="Contact (réservé aux membres)"),
        FieldPanel("presentation"),
        FieldPanel("hours_online"),
        InlinePanel("social_profiles", label="Profils sur les réseaux sociaux"),
        MultiFieldPanel(
            [
                FieldPanel("is_active"),
                FieldPanel("entry_date"),
                FieldPanel("exit_date"),
                # Written when the promeneur accepts the charter in their space (Charte › Acceptations).
                FieldPanel("charter_version", read_only=True),
                FieldPanel("charter_signed_on", read_only=True),
            ],
            heading="Parcours dans le réseau",
            help_text="La charte est acceptée par le promeneur dans son espace : voir Charte › Acceptations.",
        ),
        MultiFieldPanel([FieldPanel("public_listing"), FieldPanel("photo_consent")], heading="Consentements"),
    ]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    menu_label = "Annuaire"
    menu_icon = "group"
    menu_order = 200
    items = (PromeneurViewSet, StructureViewSet, TerritoryViewSet, ThemeViewSet, RelayViewSet)

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            MenuItem("Profils modifiés", reverse("network_changed_profiles"), icon_name="warning", order=900),
            imports.menu_item(),
        ]
