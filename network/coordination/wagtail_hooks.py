from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.http import urlencode
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from network.directory.models import Promeneur
from network.directory.privacy import iso
from workspace.pages.models import SpacePage

from . import rules
from .admin_views import onboarding, reviews
from .cockpit.committees import CommitteePapersBlock, OverdueDecisionsBlock
from .cockpit.joining import NewApplicationsBlock, NewMessagesBlock
from .cockpit.reviews import NewcomersBlock, ReviewsDueBlock
from .contacts_admin import NetworkContactAdmin
from .conventions import EndingConventionsBlock, PromeneursWithoutConventionBlock
from .conventions_admin import ConventionAdmin
from .coverage_admin import coverage_menu_item, coverage_redirect
from .modeladmins.charter import CharterAdminGroup
from .modeladmins.joining import JoiningAdminGroup
from .models import Application, CharterAcceptance, CharterPage
from .models.charter import must_accept_charter
from .secretariat import AGENDA, MINUTES
from .views import applications_admin
from .viewsets.committees import MeetingViewSet, publish_menu_item


class NetworkGroup(ModelAdminGroup):
    menu_label = "Réseau et conventions"
    menu_icon = "doc-full"
    menu_order = 250
    items = (ConventionAdmin, NetworkContactAdmin)

    def get_submenu_items(self):
        return [*super().get_submenu_items(), coverage_menu_item()]


modeladmin_register(NetworkGroup)


@hooks.register("register_admin_urls")
def register_coverage_url():
    return [path("couverture/", coverage_redirect, name="coordination_coverage")]


hooks.register("register_cockpit_block", EndingConventionsBlock)
hooks.register("register_cockpit_block", PromeneursWithoutConventionBlock)


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, rule, **kwargs):
        super().__init__(*args, **kwargs)
        self.rule = rule

    def is_shown(self, request):
        return self.rule(request.user)


@modeladmin_register
class AccompanimentGroup(ModelAdminGroup):
    menu_label = "Accompagnement"
    menu_icon = "group"
    menu_order = 210
    items = (reviews.IndividualReviewAdmin, onboarding.OnboardingStepAdmin)

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            PermittedMenuItem(
                "Exporter les bilans d'une période",
                reverse("coordination_review_export"),
                icon_name="download",
                order=50,
                rule=rules.can_read_reviews,
            ),
            PermittedMenuItem(
                "Accueil des nouveaux",
                reverse("coordination_newcomers"),
                icon_name="user",
                order=60,
                rule=rules.can_follow_onboarding,
            ),
        ]


@hooks.register("register_admin_urls")
def register_coordination_admin_urls():
    return [
        path("accompagnement/bilans/export/", reviews.export_reviews, name="coordination_review_export"),
        path("accompagnement/accueil/", onboarding.newcomers, name="coordination_newcomers"),
        path("accompagnement/accueil/<int:pk>/", onboarding.promeneur_checklist, name="coordination_onboarding"),
    ]


hooks.register("register_cockpit_block", ReviewsDueBlock)
hooks.register("register_cockpit_block", NewcomersBlock)


class PromeneurLinkMenuItem(ActionMenuItem):
    """A link in the action menu of a promeneur's edit page (the directory does not know this app)."""

    def __init__(self, label, url_for, rule, order, icon_name):
        super().__init__(order=order)
        self.label, self.url_for, self.rule, self.icon_name = label, url_for, rule, icon_name

    def is_shown(self, context):
        return context.get("view") == "edit" and self.rule(context["request"].user)

    def get_url(self, parent_context):
        return self.url_for(parent_context["instance"])


@hooks.register("register_snippet_action_menu_item")
def new_review_menu_item(model):
    if model is Promeneur:
        return PromeneurLinkMenuItem(
            "Nouveau bilan", reviews.new_review_url, rules.can_write_reviews, 200, "clipboard-list"
        )


@hooks.register("register_snippet_action_menu_item")
def onboarding_menu_item(model):
    if model is Promeneur:
        return PromeneurLinkMenuItem(
            "Suivi de l'accueil", onboarding.checklist_url, rules.can_follow_onboarding, 210, "list-ol"
        )


@hooks.register("register_snippet_listing_buttons")
def new_review_button(snippet, user, next_url=None):
    if isinstance(snippet, Promeneur) and rules.can_write_reviews(user):
        yield Button("Nouveau bilan", url=reviews.new_review_url(snippet), icon_name="clipboard-list", priority=80)


# The committees' secretariat: meetings are shown on the committees' pages, hence a snippet.
register_snippet(MeetingViewSet)


@hooks.register("register_snippet_action_menu_item")
def publish_agenda_menu_item(model):
    return publish_menu_item(model, AGENDA)


@hooks.register("register_snippet_action_menu_item")
def publish_minutes_menu_item(model):
    return publish_menu_item(model, MINUTES)


hooks.register("register_cockpit_block", CommitteePapersBlock)
hooks.register("register_cockpit_block", OverdueDecisionsBlock)


# Joining the network: the charter, applications, the network's mailbox.
modeladmin_register(JoiningAdminGroup)
modeladmin_register(CharterAdminGroup)


@hooks.register("register_admin_urls")
def register_joining_admin_urls():
    return [path("", include(applications_admin.urlpatterns))]


hooks.register("register_cockpit_block", NewApplicationsBlock)
hooks.register("register_cockpit_block", NewMessagesBlock)


@hooks.register("register_anonymisation")
def anonymise_invitation(promeneur, user):
    """The application that invited a promeneur who left forgets who they were; what the structure
    said of itself (name, address, motivation) stays in the coordination's records."""
    if user is not None:
        Application.objects.filter(invited_user=user).update(
            contact_first_name="Contact",
            contact_last_name="anonymisé",
            contact_role="",
            contact_email="",
            contact_phone="",
        )


@hooks.register("register_personal_data")
def charter_acceptances_in_personal_data(user, promeneur):
    acceptances = CharterAcceptance.objects.filter(user=user).select_related("version").order_by("accepted_at")
    return {
        "acceptations_charte": [
            {"version": acceptance.version.label, "acceptee_le": iso(acceptance.accepted_at)}
            for acceptance in acceptances
        ]
    }


def is_in_space(page):
    ancestors = [page.path[:length] for length in range(page.steplen, len(page.path) + 1, page.steplen)]
    return SpacePage.objects.filter(path__in=ancestors).exists()


@hooks.register("before_serve_page")
def ask_for_the_charter(page, request, serve_args, serve_kwargs):
    """A promeneur who has not accepted the current charter sees it before any page of the space."""
    if not must_accept_charter(request.user) or not is_in_space(page):
        return None
    charter = CharterPage.objects.live().first()
    if charter is None:
        return None
    accept_url = charter.get_url(request) + charter.reverse_subpage("accept")
    return redirect(accept_url + "?" + urlencode({"next": request.get_full_path()}))
