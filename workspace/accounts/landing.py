"""Where a user lands after logging in, and where a refused user may go instead.

A committee's page is found by its view restriction (the page whose own restriction names that
committee's group and no other committee's), so that this layer needs no feature's page model.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from workspace.accounts.roles import COMMITTEES, is_member, user_group_ids

SPACE_URL = settings.LOGIN_REDIRECT_URL


def committee_pages(user):
    """The live pages of the committees ``user`` belongs to, in tree order."""
    committee_groups = dict(Group.objects.filter(name__in=COMMITTEES).values_list("pk", "name"))
    own = set(committee_groups) & user_group_ids(user)
    if not own:
        return []
    pages = []
    restrictions = (
        PageViewRestriction.objects.filter(restriction_type=PageViewRestriction.GROUPS, groups__in=own)
        .prefetch_related("groups")
        .select_related("page")
        .distinct()
    )
    for restriction in restrictions:
        named = {group.pk for group in restriction.groups.all()} & set(committee_groups)
        if len(named) == 1 and restriction.page.live:
            pages.append(restriction.page)
    return sorted(pages, key=lambda page: page.path)


def committees_home(pages):
    """The page that holds several committees' pages (/comites/)."""
    return pages[0].get_parent()


def landing_url(user):
    """After login: promeneurs and coordination go to the members' space; a committee member to
    their committee's page, or to the committees' home when they sit on several."""
    if is_member(user):
        return SPACE_URL
    pages = committee_pages(user)
    if len(pages) == 1:
        return pages[0].url
    if pages:
        return committees_home(pages).url
    return "/"


def places_to_go(user):
    """Links (label, url) to where ``user`` may go, for the page that refuses them something."""
    links = []
    if is_member(user):
        links.append(("L'espace membres", SPACE_URL))
    pages = committee_pages(user) if user.is_authenticated else []
    if len(pages) > 1:
        links.append(("Les comités", committees_home(pages).url))
    links += [(page.title, page.url) for page in pages]
    links.append(("L'accueil du site", "/"))
    return links
