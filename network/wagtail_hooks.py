from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from workspace.media.permissions import IMAGE_VIEW_RULE

from .models import Promeneur, Structure, Territory, Theme
from .privacy import photo_view_rule
from .viewsets import review
from .viewsets.directory import (
    PROMENEUR_EXPORT,
    PROMENEUR_EXPORT_HEADINGS,
    STRUCTURE_EXPORT,
    STRUCTURE_EXPORT_HEADINGS,
    PromeneurFilterSet,
)
from .viewsets.events import EventViewSet
from .viewsets.relays import RelayViewSet


class TerritoryViewSet(SnippetViewSet):
    model = Territory
    icon = "site"
    menu_label = "Territoires"
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    list_export = ["name", "get_kind_display"]
    export_headings = {"get_kind_display": "Type"}
    export_filename = "territoires"
    panels = [FieldPanel("name"), FieldPanel("kind")]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Thématiques"
    list_display = ["name"]
    panels = [FieldPanel("name"), FieldPanel("slug")]


class StructureViewSet(SnippetViewSet):
    model = Structure
    icon = "home"
    menu_label = "Structures"
    list_display = ["name", "kind", "commune", "territory", "status"]
    list_filter = ["kind", "territory", "status", "priority_neighbourhood"]
    search_fields = ["name", "commune"]
    search_backend_name = None
    list_export = STRUCTURE_EXPORT
    export_headings = STRUCTURE_EXPORT_HEADINGS
    export_filename = "structures"

    def get_queryset(self, request):
        return Structure.objects.select_related("territory")

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("status"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("postcode"), FieldPanel("commune"), FieldPanel("territory")],
            heading="Adresse",
        ),
        FieldPanel("phone"),
        FieldPanel("website"),
        FieldPanel("priority_neighbourhood"),
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


class PromeneurViewSet(SnippetViewSet):
    model = Promeneur
    icon = "user"
    menu_label = "Promeneurs"
    list_display = ["full_name", "structure", "is_active", "public_listing", "updated_at"]
    filterset_class = PromeneurFilterSet
    search_fields = ["first_name", "last_name", "email"]
    search_backend_name = None  # the database's own search: every field, no index to keep up to date
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
                FieldPanel("charter_version"),
                FieldPanel("charter_signed_on"),
            ],
            heading="Parcours dans le réseau",
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
        ]


register_snippet(DirectoryViewSetGroup)
hooks.register(IMAGE_VIEW_RULE, photo_view_rule)


@hooks.register("register_admin_viewset")
def register_activity_viewsets():
    from .viewsets.activity import ActivityViewSetGroup

    return ActivityViewSetGroup()


register_snippet(EventViewSet)


@hooks.register("register_admin_urls")
def register_directory_admin_urls():
    return [path("", include(review.urlpatterns))]


@hooks.register("register_snippet_listing_buttons")
def anonymise_button(snippet, user, next_url=None):
    if isinstance(snippet, Promeneur) and not snippet.is_anonymised and user.has_perm("network.change_promeneur"):
        yield Button(
            "Anonymiser (départ du réseau)",
            url=reverse("network_anonymise", args=[snippet.pk]),
            icon_name="user",
            priority=90,
        )
