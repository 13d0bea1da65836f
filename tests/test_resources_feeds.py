"""RSS feeds: public publications, and members' personal feeds behind a secret key."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from wagtail.models import PageViewRestriction

from resources.library.feeds import FEEDS_PURPOSE
from tests.factories import UserFactory, news_page, publication_page, watch_page
from workspace.accounts.tokens import SecretToken

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]


def test_public_feed_lists_publications_newest_first_and_nothing_private(client):
    publication_page("Publication d'hier", date="2026-01-01", intro="Résumé public.")
    publication_page("Publication du jour", date="2026-02-01")
    news_page("Actualité des membres")
    watch_page("Article de veille")
    response = client.get("/publications/rss/")
    assert titles(response) == ["Publication du jour", "Publication d'hier"]
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "fr"
    assert channel.findtext("item/link").startswith("http://testserver/publications/")


def test_member_feed_shows_news_and_watch_the_member_may_see(client, users):
    news_page("Rencontre départementale", date="2026-03-01")
    watch_page("Étude sur les 15-25 ans", date="2026-02-01")
    secret = news_page("Note de la coordination", date="2026-03-05")
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Coordination")])

    promeneur_key = SecretToken.for_user(users["promeneur"], FEEDS_PURPOSE).key
    assert titles(client.get(f"/flux/{promeneur_key}/")) == ["Rencontre départementale", "Étude sur les 15-25 ans"]
    assert titles(client.get(f"/flux/{promeneur_key}/veille/")) == ["Étude sur les 15-25 ans"]
    assert titles(client.get(f"/flux/{promeneur_key}/actualites/")) == ["Rencontre départementale"]
    response = client.get(f"/flux/{promeneur_key}/")
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]

    coordination_key = SecretToken.for_user(users["coordination"], FEEDS_PURPOSE).key
    assert "Note de la coordination" in titles(client.get(f"/flux/{coordination_key}/"))


@pytest.mark.parametrize("key", ["", "x", "a" * 300, "cle-inconnue", "../../etc/passwd"])
def test_member_feed_without_a_valid_key_is_404(client, key):
    news_page("Rencontre départementale")
    assert client.get(f"/flux/{key}/").status_code == 404


def test_a_former_member_or_a_deactivated_account_loses_the_feed(client, users):
    promeneur = users["promeneur"]
    key = SecretToken.for_user(promeneur, FEEDS_PURPOSE).key
    assert client.get(f"/flux/{key}/").status_code == 200
    promeneur.groups.clear()
    assert client.get(f"/flux/{key}/").status_code == 404
    other = UserFactory(username="ancien", role="promeneur")
    other_key = SecretToken.for_user(other, FEEDS_PURPOSE).key
    other.is_active = False
    other.save()
    assert client.get(f"/flux/{other_key}/").status_code == 404


def test_member_resets_the_feed_address_from_the_space(client_as, users):
    client = client_as("promeneur")
    page = client.get("/espace/mes-flux/").content.decode()
    old_key = SecretToken.objects.get(user=users["promeneur"], purpose=FEEDS_PURPOSE).key
    assert f"http://testserver/flux/{old_key}/veille/" in page

    response = client.post("/espace/mes-flux/", follow=True)
    new_key = SecretToken.objects.get(user=users["promeneur"], purpose=FEEDS_PURPOSE).key
    assert new_key != old_key
    assert "Vos adresses de flux ont été renouvelées" in response.content.decode()
    assert f"/flux/{new_key}/" in response.content.decode()
    assert client.get(f"/flux/{old_key}/").status_code == 404
    assert client.get(f"/flux/{new_key}/").status_code == 200
    assert SecretToken.objects.filter(user=users["promeneur"], purpose=FEEDS_PURPOSE).count() == 1


@override_settings(SITE_URL="https://promeneurs.example.org")
def test_the_feed_addresses_are_on_the_site_address(client_as, users):
    """The addresses to copy into a feed reader start with SITE_URL, whatever the request's host."""
    body = client_as("promeneur").get("/espace/mes-flux/", HTTP_HOST="autre.example.com").content.decode()
    key = SecretToken.objects.get(user=users["promeneur"], purpose=FEEDS_PURPOSE).key
    assert f"https://promeneurs.example.org/flux/{key}/veille/" in body
    assert "autre.example.com" not in body


def test_feed_page_is_refused_outside_the_members(client_as):
    assert client_as("pilotage").get("/espace/mes-flux/").status_code == 403
    assert client_as("pilotage").post("/espace/mes-flux/").status_code == 403
    assert client_as("anonymous").post("/espace/mes-flux/").status_code == 302
    assert not SecretToken.objects.filter(purpose=FEEDS_PURPOSE).exists()


def test_a_publication_may_not_take_the_address_of_the_feed(client_as):
    """/publications/rss/ is the feed: a publication at that address would never be served."""
    from resources.library.models import PublicationPage
    from tests.pages import page_at

    index = page_at("/publications/")
    client = client_as("coordination")
    data = {"title": "RSS", "slug": "rss", "intro": "", "date": "2026-03-01", "tags": "", "body-count": "0"}
    response = client.post(f"/admin/pages/add/library/publicationpage/{index.pk}/", data)
    assert response.status_code == 200
    assert "L&#x27;adresse « rss » est celle du flux des publications" in response.content.decode()
    assert not PublicationPage.objects.filter(slug="rss").exists()
    data["slug"] = "les-flux-rss"
    assert client.post(f"/admin/pages/add/library/publicationpage/{index.pk}/", data).status_code == 302
    assert PublicationPage.objects.filter(slug="les-flux-rss").exists()
