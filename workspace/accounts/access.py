"""Who may see what: the one place where view restrictions are read for a user.

Wagtail checks restrictions per request when serving a page or a document; the
search, feeds, calendars, menus and the 403 hooks need the same answer for a whole
queryset or a page. All of them ask here.

The page restrictions are few and change rarely, but every page asks about them: they are read
once into the shared cache and kept there until a restriction, its groups or a page's place in
the tree change (``forget_page_restrictions``, connected in accounts/apps.py).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction, ReferenceIndex

from workspace.accounts.roles import user_group_ids

RESTRICTIONS_KEY = "access:page-restrictions"


def passes(user, restriction_type, group_ids):
    if restriction_type == BaseViewRestriction.NONE:
        return True
    if not user.is_authenticated:
        return False
    if user.is_superuser or restriction_type == BaseViewRestriction.LOGIN:
        return True
    if restriction_type == BaseViewRestriction.GROUPS:
        return bool(set(group_ids) & user_group_ids(user))
    # Password restrictions are not used on this site: treat them as closed.
    return False


def user_passes_restriction(user, restriction):
    group_ids = [group.pk for group in restriction.groups.all()] if restriction.restriction_type == "groups" else ()
    return passes(user, restriction.restriction_type, group_ids)


def failed_restrictions(user, restrictions):
    return [r for r in restrictions if not user_passes_restriction(user, r)]


def page_restrictions():
    """Every page view restriction as (page path, type, group ids), from the shared cache.

    As in Wagtail's ``Page.get_view_restrictions``, an alias has the restrictions of the page it
    copies (its source's own, not those of the source's ancestors): they are listed at the
    alias's path too."""
    table = cache.get(RESTRICTIONS_KEY)
    if table is None:
        groups = {}
        for restriction_id, group_id in PageViewRestriction.groups.through.objects.values_list(
            "pageviewrestriction_id", "group_id"
        ):
            groups.setdefault(restriction_id, []).append(group_id)
        restrictions = PageViewRestriction.objects.values_list("pk", "page_id", "page__path", "restriction_type")
        aliases = {}
        for source_id, path in Page.objects.filter(
            alias_of__in=[page_id for _, page_id, _, _ in restrictions]
        ).values_list("alias_of_id", "path"):
            aliases.setdefault(source_id, []).append(path)
        table = [
            (path, restriction_type, tuple(groups.get(pk, ())))
            for pk, page_id, source_path, restriction_type in restrictions
            for path in (source_path, *aliases.get(page_id, ()))
        ]
        cache.set(RESTRICTIONS_KEY, table, None)
    return table


def forget_restrictions_of_aliases(instance, **kwargs):
    """An alias created or deleted gains or loses its source's restrictions."""
    if isinstance(instance, Page) and instance.alias_of_id:
        forget_page_restrictions()


def forget_page_restrictions(**kwargs):
    cache.delete(RESTRICTIONS_KEY)
    # And again once the change is committed: a request in between may have read the old rows.
    transaction.on_commit(lambda: cache.delete(RESTRICTIONS_KEY))


def hidden_page_paths(user):
    """Tree paths of the subtrees this user may not see, worked out once per request."""
    if not hasattr(user, "_hidden_page_paths"):
        user._hidden_page_paths = tuple(
            sorted(path for path, kind, group_ids in page_restrictions() if not passes(user, kind, group_ids))
        )
    return user._hidden_page_paths


def page_is_restricted(page):
    return any(page.path.startswith(path) for path, _, _ in page_restrictions())


def may_see_page(user, page):
    """The page's own restriction and its ancestors', as Wagtail reads them, from the cache."""
    return not any(page.path.startswith(path) for path in hidden_page_paths(user))


def exclude_hidden_subtrees(queryset, user):
    """Filter a page queryset down to what ``user`` may see (a bounded number of queries:
    one for the restrictions, whatever the size of the tree)."""
    hidden = Q()
    for path in hidden_page_paths(user):
        hidden |= Q(path__startswith=path)
    return queryset.exclude(hidden) if hidden else queryset


def visible_pages(user):
    return exclude_hidden_subtrees(Page.objects.live(), user)


def hidden_where_used(user, item):
    """True when ``item`` (a document or an image, of a collection without restriction) is used by
    pages only, none of which ``user`` may see live: a file uploaded in an open collection but put only
    in the members' or a committee's space stays theirs (Wagtail's reference index says who uses it),
    and a public page's draft does not open it before the page is published. An item used nowhere,
    or by something else than a page, follows its collection alone."""
    page_type = ContentType.objects.get_for_model(Page)
    users = list(ReferenceIndex.get_references_to(item).values_list("base_content_type_id", "object_id").distinct())
    if not users or any(type_id != page_type.pk for type_id, _ in users):
        return False
    pages = Page.objects.live().filter(pk__in=[int(page_id) for _, page_id in users])
    return not exclude_hidden_subtrees(pages, user).exists()
