"""Admin of the relays, in the "Annuaire" menu."""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from network.directory.models import Relay
from workspace.admin_wording import FrenchWordingViewSetMixin
from workspace.exports import SafeExportViewSetMixin

RELAY_EXPORT = [
    "organisation",
    "get_domain_display",
    "territory_name",
    "phone",
    "email",
    "website",
    "hours",
    "is_national_emergency",
    "is_public",
]

RELAY_EXPORT_HEADINGS = {"get_domain_display": "Domaine"}


class RelayViewSet(FrenchWordingViewSetMixin, SafeExportViewSetMixin, SnippetViewSet):
    model = Relay
    icon = "help"
    menu_label = "Relais"
    list_display = ["organisation", "domain", "territory", "phone", "is_national_emergency", "is_public"]
    list_filter = ["domain", "territory", "is_national_emergency", "is_public"]
    search_fields = ["organisation", "description"]
    search_backend_name = None
    list_export = RELAY_EXPORT
    export_headings = RELAY_EXPORT_HEADINGS
    export_filename = "relais"
    panels = [
        FieldPanel("organisation"),
        FieldPanel("domain"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website"), FieldPanel("hours")],
            heading="Contact",
        ),
        FieldPanel("territory"),
        MultiFieldPanel([FieldPanel("is_national_emergency"), FieldPanel("is_public")], heading="Affichage"),
    ]

    def get_queryset(self, request):
        return Relay.objects.select_related("territory")
