"""Search over the shared space: PostgreSQL full text with French stemming, filter by
type, only what the visitor may see, and bad input."""

import pytest
from django.db import connection

from tests.factories import news_page, publication_page, resource_page, watch_page

pytestmark = pytest.mark.django_db


def search(client, query):
    response = client.get("/recherche/", query)
    assert response.status_code == 200
    return response.content.decode()


def test_search_runs_on_postgresql_with_the_french_configuration():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    assert connection.vendor == "postgresql"
    assert type(backend).__name__ == "PostgresSearchBackend"
    assert backend.config == "french"


def test_french_stemming_matches_other_forms_of_a_word(client_as):
    resource_page("Parcours d'accueil", intro="Une formation pour les nouveaux arrivants.")
    watch_page("Rapport annuel", commentary="Les jeunes harcelés en ligne se confient peu.")
    client = client_as("promeneur")
    assert "Parcours d&#x27;accueil" in search(client, {"q": "formations"})  # plural finds singular
    assert "Rapport annuel" in search(client, {"q": "harcèlement"})  # "harcelés" and "harcèlement": "harcel"
    assert "Rapport annuel" in search(client, {"q": "jeune"})
    assert "Rapport annuel" not in search(client, {"q": "formations"})
    assert "Parcours d&#x27;accueil" not in search(client, {"q": "harcèlement"})


def test_search_finds_a_word_of_the_body_and_the_tags(client_as):
    resource_page(
        "Fiche réflexe",
        tags=["cyberviolence"],
        body=[{"type": "paragraph", "value": "<p>Conserver les captures d'écran avant tout signalement.</p>"}],
    )
    client = client_as("promeneur")
    assert "Fiche réflexe" in search(client, {"q": "captures"})
    assert "Fiche réflexe" in search(client, {"q": "cyberviolence"})


def test_search_filters_by_type(client_as):
    resource_page("Ressource sur l'écoute active", intro="Écoute active.")
    watch_page("Veille sur l'écoute active", commentary="Écoute active.")
    news_page("Actualité sur l'écoute active", intro="Écoute active.")
    publication_page("Publication sur l'écoute active", intro="Écoute active.")
    client = client_as("promeneur")
    everything = search(client, {"q": "écoute"})
    for kind in ("Ressource", "Veille", "Actualité", "Publication"):
        assert f"{kind} sur l&#x27;écoute active" in everything
    only_watch = search(client, {"q": "écoute", "type": "veille"})
    assert "Veille sur l&#x27;écoute active" in only_watch
    assert "Ressource sur" not in only_watch and "Publication sur" not in only_watch
    assert '<option value="veille" selected>' in only_watch
    only_publications = search(client, {"q": "écoute", "type": "publications"})
    assert "Publication sur l&#x27;écoute active" in only_publications
    assert "Actualité sur" not in only_publications


def test_public_search_never_shows_the_space_even_filtered_by_a_member_type(client):
    resource_page("Ressource réservée Mandragore")
    page = search(client, {"q": "Mandragore", "type": "ressources"})
    assert "Mandragore</a>" not in page
    assert "Aucun résultat" in page
    assert '<option value="ressources"' not in page  # members' types are not offered to the public


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": ""}, "Saisissez un ou plusieurs mots"),
        ({"q": "   "}, "Saisissez un ou plusieurs mots"),
        # Up to 2,000 characters (beyond, MalformedInputMiddleware answers 400).
        ({"q": "écoute " * 280}, "seuls ses 200 premiers caractères"),
        ({"q": "'; DROP TABLE wagtailcore_page; --"}, "Aucun résultat"),
        ({"q": "<script>alert(1)</script>"}, "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ({"q": "écoute & | ! :* ( )"}, "résultat"),
        ({"q": "écoute", "type": "n-importe-quoi"}, "Ce type de contenu n&#x27;existe pas"),
        ({"q": "écoute", "page": "9999"}, "La page demandée n&#x27;existe pas"),
        ({"q": "écoute", "page": "zéro"}, "Le numéro de page demandé n&#x27;est pas valide"),
    ],
)
def test_search_bad_input_gets_a_french_answer(client_as, params, expected):
    resource_page("Ressource sur l'écoute", intro="Écoute active.")
    page = search(client_as("promeneur"), params)
    assert expected in page
    assert "<script>alert(1)</script>" not in page
