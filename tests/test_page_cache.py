"""The public pages' shared cache: fast for visitors, never a member's page, never stale after a
change the public may see (workspace/pages/page_cache.py)."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client
from wagtail.models import PageViewRestriction

from tests.factories import PromeneurFactory
from tests.pages import page_at
from workspace.accounts import roles
from workspace.pages.page_cache import public_content_apps

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def cache_status(response):
    return response.get("X-Wagtail-Cache")


def test_a_public_page_is_served_from_the_cache_and_browsers_revalidate():
    visitor = Client()
    assert cache_status(visitor.get("/")) == "miss"
    response = visitor.get("/")
    assert cache_status(response) == "hit"
    assert response["Cache-Control"] == "no-cache"
    assert "Vary" not in response or "Cookie" not in response["Vary"]


def test_a_members_page_is_never_stored_and_says_private(client_as, users):
    member = client_as("promeneur")
    response = member.get("/espace/")
    assert response.status_code == 200 and cache_status(response) == "skip"
    assert "private" in response["Cache-Control"]
    assert Client().get("/espace/").status_code == 302  # the visitor is sent to the login page


def test_visitors_and_members_never_get_each_others_home(client_as, users):
    visitor_home = Client().get("/").content.decode()
    member_home = client_as("promeneur").get("/").content.decode()
    assert 'href="/espace/"' in member_home and "Se déconnecter" in member_home
    again = Client().get("/")
    assert cache_status(again) == "hit"
    assert 'href="/espace/"' not in again.content.decode() and "Se déconnecter" not in again.content.decode()
    assert 'href="/espace/"' not in visitor_home


def test_publishing_empties_the_cache():
    visitor = Client()
    visitor.get("/le-dispositif/")
    assert cache_status(visitor.get("/le-dispositif/")) == "hit"
    page = page_at("/le-dispositif/")
    page.title = "Le dispositif, édition 2027"
    page.save_revision().publish()
    response = visitor.get("/le-dispositif/")
    assert cache_status(response) == "miss"
    assert "Le dispositif, édition 2027" in response.content.decode()


def test_a_new_restriction_takes_the_page_out_of_the_cache_at_once():
    visitor = Client()
    visitor.get("/le-dispositif/")
    assert visitor.get("/le-dispositif/").status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=page_at("/le-dispositif/"), restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=roles.COORDINATION))
    assert visitor.get("/le-dispositif/").status_code == 302


def test_a_promeneur_who_withdraws_consent_leaves_the_cached_directory_at_once():
    promeneur = PromeneurFactory(first_name="Aurore", last_name="Vidalou", public_listing=True)
    visitor = Client()
    assert "Vidalou" in visitor.get("/annuaire/").content.decode()
    assert cache_status(visitor.get("/annuaire/")) == "hit"
    promeneur.public_listing = False
    promeneur.save()
    assert "Vidalou" not in visitor.get("/annuaire/").content.decode()


def test_a_visitor_with_a_flash_message_or_a_form_is_never_served_nor_stored():
    visitor = Client()
    visitor.get("/")
    visitor.cookies[CookieStorage.cookie_name] = "anything"
    assert cache_status(visitor.get("/")) == "skip"

    login = Client()
    login.get("/connexion/")
    response = login.get("/connexion/")  # now with its CSRF cookie
    assert cache_status(response) != "hit"
    assert cache_status(Client().get("/connexion/")) != "hit"


def test_each_app_says_whether_a_public_page_shows_its_records():
    """The page cache names no feature: each app says so in its AppConfig (ShownToThePublic)."""
    assert public_content_apps() == {
        *("wagtailcore", "wagtailimages", "wagtaildocs", "wagtailredirects", "taggit", "media", "pages"),
        *("home", "directory", "events", "library", "coordination"),
    }
