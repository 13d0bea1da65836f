"""The site's root finds the page an address names in one query (workspace/pages/routing.py),
and serves exactly what Wagtail's level-by-level walk served."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage
from tests.factories import publication_page, resource_page
from tests.pages import page_at, publish_child

pytestmark = pytest.mark.django_db


def page_queries(client, address):
    client.get(address)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    return response, [q["sql"] for q in queries if 'FROM "wagtailcore_page"' in q["sql"]]


def test_a_page_two_levels_down_is_found_in_one_query_and_its_specific_page_in_another(client_as):
    page = resource_page("Droit à l'image", slug="droit-a-l-image")
    response, queries = page_queries(client_as("promeneur"), "/espace/ressources/droit-a-l-image/")
    assert response.status_code == 200 and response.context["page"].pk == page.pk
    # Wagtail's walk took two queries a level (six here); the breadcrumb still reads the ancestors.
    routing = [sql for sql in queries if '"wagtailcore_page"."slug" IN' in sql]
    assert len(routing) == 1


def test_the_same_slug_in_two_sections_leads_to_each_own_page(client_as):
    client = client_as("promeneur")
    public, members = client.get("/faq/"), client.get("/espace/faq/")
    assert public.status_code == members.status_code == 200
    assert public.context["page"].pk == page_at("/faq/").pk
    assert members.context["page"].pk == page_at("/espace/faq/").pk


def test_sub_routes_drafts_moves_and_unknown_addresses_answer_as_before(client_as):
    client = client_as("promeneur")
    home = page_at("/")
    # A routable page's own route below its address.
    assert client.get("/annuaire/relais/").status_code == 200
    assert "Numéros d'écoute et relais" in client.get("/annuaire/relais/").content.decode()
    assert client.get("/espace/agenda/mes-inscriptions/").status_code == 200
    # A draft is not served, nor anything below an address nobody has.
    draft = StandardPage(title="Brouillon", slug="brouillon", live=False)
    home.add_child(instance=draft)
    assert client.get("/brouillon/").status_code == 404
    assert client.get("/nulle-part/").status_code == 404
    assert client.get("/espace/ressources/nulle-part/encore/").status_code == 404
    # A page moved is served at its new address; the old one sends there (Wagtail's redirect).
    moved = publish_child(home, StandardPage(title="Déménagée", slug="demenagee"))
    assert client.get("/demenagee/").status_code == 200
    moved.move(page_at("/le-dispositif/"), pos="last-child")
    assert client.get("/le-dispositif/demenagee/").status_code == 200
    old_address = client.get("/demenagee/")
    assert (old_address.status_code, old_address["Location"]) == (301, "/le-dispositif/demenagee/")


def test_a_routable_page_on_the_way_routes_first_as_in_wagtails_walk(client):
    """/publications/rss/ is the publications' own route; a child page with that slug does not take it."""
    publication_page("Une publication nommée rss", slug="rss")
    feed = client.get("/publications/rss/")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/rss+xml")
    publication = publication_page("Une autre publication", slug="une-autre")
    assert client.get("/publications/une-autre/").context["page"].pk == publication.pk
