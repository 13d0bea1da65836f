"""Who may see what: the one place where view restrictions are read for a user.

Wagtail checks restrictions per request when serving a page or a document; the
search, feeds and calendars need the same answer for a whole queryset, and the
403 hooks need it for a logged-in user. All of them ask here.
"""

from django.db.models import Q
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from workspace.accounts.roles import user_group_ids


def user_passes_restriction(user, restriction):
    if restriction.restriction_type == BaseViewRestriction.NONE:
        return True
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return True
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        return bool({group.pk for group in restriction.groups.all()} & user_group_ids(user))
    # Password restrictions are not used on this site: treat them as closed.
    return False


def failed_restrictions(user, restrictions):
    return [r for r in restrictions if not user_passes_restriction(user, r)]


def hidden_page_paths(user):
    """Tree paths of the subtrees this user may not see."""
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    return [r.page.path for r in failed_restrictions(user, restrictions)]


def exclude_hidden_subtrees(queryset, user):
    """Filter a page queryset down to what ``user`` may see (a bounded number of queries:
    one for the restrictions, whatever the size of the tree)."""
    hidden = Q()
    for path in hidden_page_paths(user):
        hidden |= Q(path__startswith=path)
    return queryset.exclude(hidden) if hidden else queryset


def visible_pages(user):
    return exclude_hidden_subtrees(Page.objects.live(), user)
