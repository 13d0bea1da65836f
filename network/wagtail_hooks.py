from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Promeneur, Structure, Territory, Theme
from .viewsets.events import EventViewSet


class TerritoryViewSet(SnippetViewSet):
    model = Territory
    icon = "site"
    menu_label = "Territoires"
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
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
    list_filter = ["is_active", "public_listing", "structure", "territories"]
    search_fields = ["first_name", "last_name", "email"]
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
    items = (PromeneurViewSet, StructureViewSet, TerritoryViewSet, ThemeViewSet)


register_snippet(DirectoryViewSetGroup)


@hooks.register("register_admin_viewset")
def register_activity_viewsets():
    from .viewsets.activity import ActivityViewSetGroup

    return ActivityViewSetGroup()


register_snippet(EventViewSet)
