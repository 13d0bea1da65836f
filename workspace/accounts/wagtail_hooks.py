from django.core.exceptions import PermissionDenied
from django.utils.cache import add_never_cache_headers
from wagtail import hooks
from wagtail import wagtail_hooks as wagtail_core_hooks
from wagtail.documents.permissions import permission_policy as document_permissions

from workspace.accounts.access import failed_restrictions, hidden_where_used, may_see_page, page_is_restricted
from workspace.accounts.user_admin import BULK_ACTIONS
from workspace.accounts.visits import MemberVisit
from workspace.display import datetime_attribute


# Wagtail's own check (on_serve_page) reads the restrictions of the page and its ancestors, their
# groups and the user's groups: four queries on every members' page. The same rule is read here
# from the shared cache (workspace/accounts/access.py), which replaces Wagtail's check: a visitor
# who may not see the page is sent to log in, and a restricted page is never cached by browsers.
@hooks.register("on_serve_page")
def check_view_restrictions_from_cache(serve):
    def inner(page, request, serve_args, serve_kwargs):
        if not may_see_page(request.user, page):
            response = wagtail_core_hooks.require_wagtail_login(next=request.get_full_path())
            add_never_cache_headers(response)
            return response
        response = serve(page, request, serve_args, serve_kwargs)
        if page_is_restricted(page):
            add_never_cache_headers(response)
        return response

    return inner


hooks._hooks["on_serve_page"] = [  # Wagtail has no public way to unregister a hook.
    (fn, order)
    for fn, order in hooks._hooks.get("on_serve_page", [])
    if fn is not wagtail_core_hooks.check_view_restrictions
]


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
    if not restrictions and hidden_where_used(request.user, document):
        # Whoever may choose or edit the document in the admin opens it there too (as an image).
        if document_permissions.user_has_any_permission_for_instance(request.user, ["choose", "change"], document):
            return None
        if request.user.is_authenticated:
            raise PermissionDenied
        return wagtail_core_hooks.require_wagtail_login(next=request.get_full_path())


# Registered after Wagtail's own (order=1): the registry keeps the last action of each type.
for action_class in BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class, order=1)


# The personal data download (network/directory) asks each app for what it holds about the member.
@hooks.register("register_personal_data")
def last_visit_in_personal_data(user, promeneur):
    visit = MemberVisit.objects.filter(user=user).first()
    return {"derniere_visite": datetime_attribute(visit.started_at) if visit else None}
