from django.core.exceptions import PermissionDenied
from wagtail import hooks

from workspace.accounts.access import failed_restrictions, may_see_page
from workspace.accounts.user_admin import BULK_ACTIONS
from workspace.accounts.visits import MemberVisit


# Wagtail sends anyone who fails a restriction to the login page. A visitor who is
# already logged in gains nothing from logging in again: they get a clear 403.
@hooks.register("before_serve_page", order=-10)
def forbid_logged_in_users_outside_the_restriction(page, request, serve_args, serve_kwargs):
    if request.user.is_authenticated and not may_see_page(request.user, page):
        raise PermissionDenied


@hooks.register("before_serve_document", order=-10)
def forbid_logged_in_users_outside_the_collection(document, request):
    restrictions = document.collection.get_view_restrictions()
    if request.user.is_authenticated and failed_restrictions(request.user, restrictions):
        raise PermissionDenied


# Registered after Wagtail's own (order=1): the registry keeps the last action of each type.
for action_class in BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class, order=1)


# The personal data download (network/directory) asks each app for what it holds about the member.
@hooks.register("register_personal_data")
def last_visit_in_personal_data(user, promeneur):
    visit = MemberVisit.objects.filter(user=user).first()
    return {"derniere_visite": visit.started_at.isoformat() if visit else None}
