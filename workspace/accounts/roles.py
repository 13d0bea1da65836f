"""The site's roles: group names, who counts as a member, and what each group may do.

Groups are created by the migration accounts/0002_create_groups; their permissions are granted after each
``migrate`` (post_migrate), because model permissions only exist once all apps
have migrated.
"""

from django.core.cache import cache

from workspace.app_traits import ManagedByCoordination

PROMENEURS = "Promeneurs"
COORDINATION = "Coordination"
COMITE_PILOTAGE = "Comité de pilotage"
COMITE_FINANCEURS = "Comité des financeurs"
COMITE_TECHNIQUE = "Comité technique"

COMMITTEES = (COMITE_PILOTAGE, COMITE_FINANCEURS, COMITE_TECHNIQUE)
MEMBER_GROUPS = (PROMENEURS, COORDINATION)
ALL_GROUPS = (PROMENEURS, COORDINATION, *COMMITTEES)


# Besides the apps whose AppConfig is ManagedByCoordination (workspace/app_traits.py), the coordination manages these
# third-party apps' records in the Wagtail admin.
COORDINATION_THIRD_PARTY_APPS = ("taggit", "wagtailforms", "wagtailredirects")
COORDINATION_EXTRA_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "view_user"),
    ("wagtailcore", "add_workflow"),
    ("wagtailcore", "change_workflow"),
    ("wagtailcore", "add_task"),
    ("wagtailcore", "change_task"),
)
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page")
COLLECTION_PERMISSIONS = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
)


# Every page asks which groups its visitor is in: the answer is kept in the shared cache, and
# forgotten when the user's memberships change (accounts/apps.py). The groups themselves are the
# fixed roles above, created by migration and never renamed; the time limit covers the rest.
GROUPS_CACHE_SECONDS = 600


def _groups_key(user_pk):
    return f"roles:user-groups:{user_pk}"


def _load_groups(user):
    if not hasattr(user, "_group_pairs"):
        pairs = cache.get(_groups_key(user.pk))
        if pairs is None:
            pairs = frozenset(user.groups.values_list("pk", "name"))
            cache.set(_groups_key(user.pk), pairs, GROUPS_CACHE_SECONDS)
        user._group_pairs = pairs
    return user._group_pairs


def forget_user_groups(sender, instance, action, reverse, pk_set, **kwargs):
    """m2m_changed of User.groups, from either side."""
    if not reverse:
        user_pks = [instance.pk]
    elif action == "pre_clear":
        user_pks = list(instance.user_set.values_list("pk", flat=True))
    else:
        user_pks = list(pk_set or ())
    if action in ("post_add", "post_remove", "pre_clear", "post_clear"):
        cache.delete_many([_groups_key(pk) for pk in user_pks])


def user_groups(user):
    """Names of the user's groups, fetched once per user object."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(name for _, name in _load_groups(user))


def user_group_ids(user):
    """Primary keys of the user's groups, from the same single query as ``user_groups``."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(pk for pk, _ in _load_groups(user))


def is_member(user):
    """Promeneurs and coordination: the people of the members' space."""
    return user.is_authenticated and (user.is_superuser or bool(user_groups(user) & set(MEMBER_GROUPS)))


def is_coordination(user):
    return user.is_authenticated and (user.is_superuser or COORDINATION in user_groups(user))


def committees_of(user):
    return [name for name in COMMITTEES if name in user_groups(user)]


def grant_role_permissions(sender=None, **kwargs):
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    coordination = Group.objects.filter(name=COORDINATION).first()
    if coordination is None:
        return
    managed = [config.label for config in apps.get_app_configs() if isinstance(config, ManagedByCoordination)]
    permissions = Permission.objects.filter(content_type__app_label__in=[*managed, *COORDINATION_THIRD_PARTY_APPS])
    extra = [
        Permission.objects.filter(content_type__app_label=app, codename=codename).first()
        for app, codename in COORDINATION_EXTRA_PERMISSIONS
    ]
    coordination.permissions.add(*permissions, *[p for p in extra if p])

    root_page = Page.get_first_root_node()
    if root_page:
        for codename in PAGE_PERMISSIONS:
            permission = Permission.objects.filter(content_type__app_label="wagtailcore", codename=codename).first()
            if permission:
                GroupPagePermission.objects.get_or_create(group=coordination, page=root_page, permission=permission)
    root_collection = Collection.get_first_root_node()
    if root_collection:
        for app, codename in COLLECTION_PERMISSIONS:
            permission = Permission.objects.filter(content_type__app_label=app, codename=codename).first()
            if permission:
                GroupCollectionPermission.objects.get_or_create(
                    group=coordination, collection=root_collection, permission=permission
                )
