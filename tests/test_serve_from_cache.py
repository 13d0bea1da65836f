"""What a members' page reads from the shared cache instead of the database (issue 14): the view
restrictions checked when a page is served, and the network's settings in the footer."""

import pytest
from wagtail.models import Site

from tests.pages import page_at
from workspace.pages.models import NetworkSettings

pytestmark = pytest.mark.django_db


def test_the_cached_check_sends_visitors_to_log_in_and_members_through(client_as):
    response = client_as("anonymous").get("/espace/ressources/")
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/?next=/espace/ressources/")
    response = client_as("promeneur").get("/espace/ressources/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_an_alias_of_a_restricted_page_keeps_its_restriction(client_as):
    """As in Wagtail's own check, an alias has the restriction of the page it copies."""
    alias = page_at("/espace/").create_alias(parent=page_at("/"), update_slug="copie-de-l-espace")
    assert client_as("anonymous").get("/copie-de-l-espace/").status_code == 302
    assert client_as("pilotage").get("/copie-de-l-espace/").status_code == 403
    assert client_as("promeneur").get("/copie-de-l-espace/").status_code == 200
    alias.delete()
    assert client_as("anonymous").get("/copie-de-l-espace/").status_code == 404


def test_public_pages_are_not_marked_private(client_as):
    assert "no-store" not in client_as("anonymous").get("/le-dispositif/").get("Cache-Control", "")


def test_the_footer_shows_the_settings_as_soon_as_they_are_saved(client_as):
    client = client_as("anonymous")
    client.get("/")  # the settings are now in the cache
    settings = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_text = "Texte du pied de page changé à cet instant."
    settings.save()
    assert "Texte du pied de page changé à cet instant." in client.get("/").content.decode()
