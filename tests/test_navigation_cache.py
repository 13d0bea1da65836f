"""Menus, restrictions and group memberships come from the shared cache, and are never served to
someone who may not see them, nor kept once what they show has changed."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.pages import page_at
from workspace.accounts import roles
from workspace.accounts.access import hidden_page_paths

pytestmark = pytest.mark.django_db


def header(response):
    body = response.content.decode()
    return body[body.index("<header") : body.index("</header>")]


def test_the_menu_cached_for_a_member_is_never_shown_to_a_visitor(client_as, users):
    assert 'href="/espace/"' in header(client_as("promeneur").get("/"))
    assert 'href="/espace/"' not in header(client_as("anonymous").get("/"))
    assert 'href="/comites/"' not in header(client_as("promeneur").get("/"))


def test_a_new_restriction_hides_the_page_from_the_menu_and_the_visitor_at_once(client_as, users):
    page = page_at("/le-dispositif/")
    page.show_in_menus = True
    page.save_revision().publish()
    assert 'href="/le-dispositif/"' in header(client_as("anonymous").get("/"))

    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.COORDINATION))

    visitor = client_as("anonymous")
    assert 'href="/le-dispositif/"' not in header(visitor.get("/"))
    assert visitor.get("/le-dispositif/").status_code == 302
    assert client_as("promeneur").get("/le-dispositif/").status_code == 403
    assert client_as("coordination").get("/le-dispositif/").status_code == 200

    restriction.delete()
    assert client_as("anonymous").get("/le-dispositif/").status_code == 200


def test_an_unpublished_page_leaves_the_menu(client_as, users):
    page = page_at("/publications/")
    assert 'href="/publications/"' in header(client_as("anonymous").get("/"))
    page.unpublish()
    assert 'href="/publications/"' not in header(client_as("anonymous").get("/"))


def test_joining_or_leaving_a_group_is_seen_at_the_next_request(client_as, users):
    member = users["pilotage"]
    client = client_as("pilotage")
    assert client.get("/espace/").status_code == 403
    member.groups.add(Group.objects.get(name=roles.PROMENEURS))
    assert client.get("/espace/").status_code == 200
    Group.objects.get(name=roles.PROMENEURS).user_set.remove(member)
    assert client.get("/espace/").status_code == 403


def test_the_restrictions_are_read_once_then_come_from_the_cache(users, django_assert_num_queries):
    hidden_page_paths(users["promeneur"])  # warms the cache
    fresh = type(users["promeneur"]).objects.get(pk=users["promeneur"].pk)
    with django_assert_num_queries(0):
        assert hidden_page_paths(fresh) == hidden_page_paths(users["promeneur"])
