"""Events and discussions in the site search (issue 15), registered by their own apps: a visitor
finds public events only and never a discussion; a member never a hidden discussion; a member's
results page is never kept in the shared page cache for anyone else."""

import pytest
from django.test import Client

from tests.factories import DiscussionFactory, EventFactory, MessageFactory
from workspace.search.types import search_types

pytestmark = pytest.mark.django_db

KINDS = ({}, {"type": "evenements"}, {"type": "echanges"})


@pytest.fixture
def records():
    EventFactory(title="Forum public Bételgeuse", audience="public", place="Céret")
    EventFactory(title="Formation interne Bételgeuse", audience="membres")
    EventFactory(title="Comité Bételgeuse", audience="comite", committee="Comité de pilotage", kind="comite")
    DiscussionFactory(title="Bételgeuse : un jeune inquiet", opening__body="Un message sur Bételgeuse.")
    DiscussionFactory(title="Bételgeuse masquée", hidden=True, opening__body="Texte masqué.")
    shown = DiscussionFactory(title="Discussion ouverte Rigel")
    MessageFactory(discussion=shown, body="Un message masqué Bételgeuse.", hidden=True)


def search(client, query="betelgeuse", **params):
    response = client.get("/recherche/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("params", KINDS)
def test_an_anonymous_visitor_finds_public_events_only_and_never_a_discussion(client, records, params):
    html = search(client, **params)
    if params.get("type") != "echanges":
        assert "Forum public Bételgeuse" in html
    for private in ("Formation interne", "Comité Bételgeuse", "jeune inquiet", "masquée", "Rigel", "/espace/"):
        assert private not in html
    assert '<option value="echanges"' not in html


def test_an_event_is_found_by_its_place_without_accents(client, records):
    assert "Forum public Bételgeuse" in search(client, "CERET", type="evenements")


def test_records_found_and_no_page_read_as_two_sections(client, records):
    """Under the events found, the pages' part says it found none, not that the site holds nothing."""
    html = search(client, "ceret")
    assert "Forum public Bételgeuse" in html
    assert "<h2>Pages : aucun résultat pour « ceret »</h2>" in html
    assert "Aucune page du site" not in html


@pytest.mark.parametrize("role", ["pilotage", "financeurs", "technique"])
def test_a_committee_member_finds_no_discussion_and_only_their_committees_events(client_as, records, role):
    html = search(client_as(role))
    assert ("Comité Bételgeuse" in html) == (role == "pilotage")
    assert "Formation interne" not in html and "jeune inquiet" not in html and "Rigel" not in html


@pytest.mark.parametrize("role", ["promeneur", "coordination"])
def test_a_member_finds_discussions_but_never_a_hidden_one_nor_by_a_hidden_message(client_as, records, role):
    client = client_as(role)
    html = search(client)
    assert "Bételgeuse : un jeune inquiet" in html and "Formation interne Bételgeuse" in html
    assert 'href="/espace/echanges/' in html
    assert "masquée" not in html  # hidden: not even for the coordination, which moderates it elsewhere
    assert "Rigel" not in html  # the words of a hidden message do not lead to its discussion
    only = search(client, type="echanges")
    assert "Bételgeuse : un jeune inquiet" in only and "Forum public" not in only


def test_the_author_of_a_hidden_discussion_does_not_find_it_either(client):
    hidden = DiscussionFactory(title="Ma discussion masquée Deneb", hidden=True)
    client.force_login(hidden.author)
    assert "Deneb</a>" not in search(client, "deneb", type="echanges")


def test_more_records_than_the_preview_link_to_their_own_list(client):
    for number in range(7):
        EventFactory(title=f"Forum public Antarès {number}", audience="public")
    html = search(client, "antares")
    assert html.count("Forum public Antarès") == 5
    assert 'href="?q=antares&amp;type=evenements"' in html
    full = search(client, "antares", type="evenements")
    assert full.count("Forum public Antarès") == 7


def test_the_kinds_are_registered_by_their_apps():
    kinds = search_types()
    assert kinds["echanges"].members_only and kinds["echanges"].find is not None
    assert not kinds["evenements"].members_only
    assert {"promeneurs", "structures", "evenements", "echanges", "pages"} <= set(kinds)


def test_a_members_results_page_never_reaches_anyone_else_through_the_page_cache(page_cache, client_as, users, records):
    member = client_as("promeneur")
    response = member.get("/recherche/", {"q": "betelgeuse"})
    assert "jeune inquiet" in response.content.decode()
    assert response.get("X-Wagtail-Cache") == "skip"
    assert "private" in response["Cache-Control"]
    for _ in range(2):
        visitor = Client().get("/recherche/", {"q": "betelgeuse"})
        assert visitor.get("X-Wagtail-Cache") in ("miss", "hit")
        html = visitor.content.decode()
        assert "Forum public Bételgeuse" in html
        assert "jeune inquiet" not in html and "Formation interne" not in html
    assert visitor.get("X-Wagtail-Cache") == "hit"  # the visitors' own page is the one kept
