"""Menus, restrictions and group memberships come from the shared cache, and are never served to
someone who may not see them, nor kept once what they show has changed."""

import re

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


def menu_links(html_part):
    return re.findall(r'<a href="([^"]+)"', html_part)


def section_tiles(response):
    body = response.content.decode()
    start = body.index('id="sections-title"')
    return menu_links(body[start : body.index("</nav>", start)])


def test_the_menus_follow_the_order_the_coordinator_sets_in_the_page_tree(client_as, users):
    """Reordering in the page explorer (drag and drop: Wagtail's set_page_position) reorders the
    cached menus at once (post_page_move), for members and for the public (page cache on)."""
    from django.core.cache import caches
    from django.test import Client, override_settings

    coordinator = Client()
    coordinator.force_login(users["coordination"])

    def move_first(address):
        response = coordinator.post(f"/admin/pages/{page_at(address).pk}/set_position/?position=0")
        assert response.status_code == 200

    caches["pages"].clear()
    with override_settings(WAGTAIL_CACHE=True):
        member, visitor = client_as("promeneur"), Client()
        assert section_tiles(member.get("/espace/"))[:2] == ["/espace/ressources/", "/espace/veille/"]
        public_menu = menu_links(header(visitor.get("/")))
        assert public_menu.index("/le-dispositif/") < public_menu.index("/publications/")

        move_first("/espace/echanges/")  # within the space: what members may see stays the same
        assert section_tiles(member.get("/espace/"))[:2] == ["/espace/echanges/", "/espace/ressources/"]
        move_first("/publications/")
        public_menu = menu_links(header(visitor.get("/")))
        assert public_menu.index("/publications/") < public_menu.index("/le-dispositif/")
    caches["pages"].clear()
