"""What a visitor types in a search box is only ever words: quotes, operators and
punctuation of the database's search syntax give results or none, never a 500. On
SQLite (the quick start) a double quote was an FTS5 syntax error; this file passes on
both backends (run it without DATABASE_URL for SQLite)."""

import pytest
from wagtail.models import Page

from tests.factories import publication_page

pytestmark = pytest.mark.django_db

ODD_QUERIES = [
    '"',
    '""',
    '"""',
    'l"école',
    '"cyberviolence',
    "l'école",
    "'",
    "(",
    ")",
    "*",
    "-",
    ":",
    "^",
    "!",
    "&",
    "|",
    "<->",
    "a:*",
    "\\",
    "%s",
    "50%",
    "{titre}",
    "NEAR(a b)",
    "AND",
    "OR NOT",
    "¿😀?",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_the_site_search_answers_any_syntax(client, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize("query", ['"', 'l"école', "NEAR(a b)", "a:*"])
def test_the_search_backend_itself_takes_quotes_as_text(query):
    # The same backend serves the admin's page search.
    assert all(isinstance(page, Page) for page in Page.objects.search(query))


@pytest.mark.parametrize("query", ['cyberviolence"', '"cyberviolence', '"cyberviolence"', "(cyberviolence)"])
def test_a_word_beside_quotes_or_brackets_is_still_found(client, query):
    publication_page("Fiche sur la cyberviolence", intro="Que faire face à la cyberviolence ?")
    page = client.get("/recherche/", {"q": query}).content.decode()
    assert "Fiche sur la cyberviolence" in page


def test_the_members_search_shows_each_pages_chapeau_whatever_its_type(client_as):
    """The results are read as base pages and their chapeaux in one query (workspace/search/views.py):
    each type's chapeau still shows, and a page's search description comes first."""
    import html

    from tests.factories import news_page, resource_page

    publication_page("Cyberviolence : publication", intro="Chapeau de la publication.")
    resource_page("Cyberviolence : fiche", intro="Chapeau de la fiche.")
    news_page("Cyberviolence : actualité", intro="Chapeau ignoré.", search_description="Description de l'actualité.")
    body = html.unescape(client_as("promeneur").get("/recherche/", {"q": "cyberviolence"}).content.decode())
    for summary in ("Chapeau de la publication.", "Chapeau de la fiche.", "Description de l'actualité."):
        assert summary in body
    assert "Chapeau ignoré." not in body
