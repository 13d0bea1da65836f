from django.shortcuts import redirect
from django.urls import include, path
from django.utils.http import urlencode
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from workspace.pages.models import SpacePage

from .cockpit.joining import NewApplicationsBlock, NewMessagesBlock
from .modeladmins.charter import CharterAdminGroup
from .modeladmins.joining import JoiningAdminGroup
from .models import CharterAcceptance, CharterPage
from .models.charter import must_accept_charter
from .views import applications_admin

modeladmin_register(JoiningAdminGroup)
modeladmin_register(CharterAdminGroup)


@hooks.register("register_admin_urls")
def register_joining_admin_urls():
    return [path("", include(applications_admin.urlpatterns))]


@hooks.register("register_cockpit_block")
def new_applications():
    return NewApplicationsBlock()


@hooks.register("register_cockpit_block")
def new_messages():
    return NewMessagesBlock()


@hooks.register("register_personal_data")
def charter_acceptances_in_personal_data(user, promeneur):
    acceptances = CharterAcceptance.objects.filter(user=user).select_related("version").order_by("accepted_at")
    return {
        "acceptations_charte": [
            {"version": acceptance.version.label, "acceptee_le": acceptance.accepted_at.isoformat()}
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
