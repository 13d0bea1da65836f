"""Malformed input (NUL and other control characters, over-long query values) is answered
with the French 400 page by one middleware, before any view or query sees it."""

import uuid

import pytest
from django.contrib.auth import SESSION_KEY

from resources.exchanges.models import Discussion
from tests.exchanges_helpers import EXCHANGES, discussion_action
from tests.factories import DiscussionFactory

pytestmark = pytest.mark.django_db

BAD_REQUEST_TEXT = "Demande non valide"


def assert_bad_request(response):
    assert response.status_code == 400
    assert BAD_REQUEST_TEXT in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/recherche/?q=%00",
        "/recherche/?q=sant%C3%A9%00",
        "/publications/?etiquette=%00",
        "/publications/?etiquette=a%00b",
        "/agenda/?type=%00",
        "/annuaire/?q=%00",
        "/calendrier/%00.ics",
        "/calendrier/abc%00def.ics",
        "/flux/%00/",
        "/flux/cle%00/ressources/",
        "/connexion/?next=%00",
    ],
)
def test_a_nul_character_in_a_public_address_is_a_400_not_a_500(client, url):
    assert_bad_request(client.get(url))


@pytest.mark.parametrize(
    "url",
    [
        f"{EXCHANGES}?mot-cle=%00",
        f"{EXCHANGES}?categorie=%00",
        "/espace/ressources/?etiquette=%00",
        "/espace/actualites/?etiquette=%00",
        "/espace/annuaire/?q=%00",
    ],
)
def test_a_nul_character_in_a_members_filter_is_a_400(client_as, url):
    assert_bad_request(client_as("promeneur").get(url))


@pytest.mark.parametrize("value", ["%01", "%1B", "%7F", "a%0Ab", "%09", "%0D"])
def test_any_control_character_in_the_query_string_or_the_path_is_a_400(client, value):
    assert_bad_request(client.get(f"/recherche/?q={value}"))
    assert_bad_request(client.get(f"/recherche/?{value}=x"))
    assert_bad_request(client.get(f"/publications/{value}/"))


def test_a_query_value_longer_than_2000_characters_is_a_400(client):
    assert client.get("/recherche/?q=" + "a" * 2000).status_code == 200
    assert_bad_request(client.get("/recherche/?q=" + "a" * 2001))
    assert_bad_request(client.get("/publications/?etiquette=" + "é" * 2001))


def test_a_nul_character_in_a_posted_field_is_a_400_and_nothing_is_stored(client_as):
    client = client_as("promeneur")
    data = {
        "title": "Question\x00",
        "kind": "question",
        "category": "cadre-juridique",
        "tags": "",
        "body": "Bonjour",
        "form_token": str(uuid.uuid4()),
    }
    assert_bad_request(client.post(f"{EXCHANGES}nouvelle/", data))
    assert_bad_request(client.post("/connexion/", {"username": "promeneur\x00", "password": "x"}))
    assert not Discussion.objects.exists()


def test_lines_and_tabs_of_a_textarea_are_kept(client_as, users):
    discussion = DiscussionFactory(author=users["promeneur"])
    client = client_as("promeneur")
    body = "Première ligne\r\nSeconde ligne\tavec une tabulation"
    response = client.post(discussion_action(discussion, "repondre"), {"body": body, "form_token": str(uuid.uuid4())})
    assert response.status_code == 302
    assert discussion.messages.filter(body=body).exists()


def test_a_nul_character_in_a_header_is_a_400(client):
    # django-axes stores the User-Agent of a failed login: PostgreSQL refused it (a 500).
    assert_bad_request(client.post("/connexion/", {"username": "x", "password": "y"}, HTTP_USER_AGENT="a\x00b"))
    assert_bad_request(client.get("/", HTTP_ACCEPT="text/html\x00"))


def test_a_forged_session_cookie_decoding_to_a_nul_is_ignored(client, users):
    # The quoted cookie "\000…" decodes to a NUL: the session lookup failed with a 500.
    forged = 'sessionid="\\000abcdefghijkl"'
    assert client.get("/", HTTP_COOKIE=forged).status_code == 200
    response = client.get("/espace/", HTTP_COOKIE=forged)
    assert response.status_code == 302 and response["Location"].startswith("/connexion/")
    assert SESSION_KEY not in client.session
