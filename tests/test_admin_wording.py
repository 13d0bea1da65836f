"""The admin's listings say their model's name in proper French (workspace/admin_wording.py): Wagtail's
and wagtail-modeladmin's generic sentences ("Ajouter un(e) Événement", "15 Événements", "Aucun(e)
Grilles d'activité ne correspond à votre requête", "Aucun Conventions n'a été créé(e)") never show."""

import re

import pytest

from tests import matrix_coverage
from tests.factories import EventFactory
from workspace.display import FEMININE, Noun

pytestmark = pytest.mark.django_db

GENERIC = re.compile(r"un\(e\)|Aucun\(e\)|ce\(tte\)|créé\(e\)|Nouvel\(le\)|Il n'y a pas de [A-ZÉ]")


def our_listings():
    """Every listing of ours: the index of each snippet / ModelViewSet and of each ModelAdmin."""
    names = matrix_coverage.our_url_patterns().items()
    listings = (":index", ":list", "_modeladmin_index")
    return sorted("/" + route.strip("^$") for route, name in names if (name or "").endswith(listings))


def test_every_listing_of_ours_is_found():
    listings = our_listings()
    for address in ("/admin/snippets/events/event/", "/admin/activite/grilles/", "/admin/coordination/convention/"):
        assert address in listings
    assert len(listings) >= 20


@pytest.mark.parametrize("query", ["", "?q=zzzz-introuvable"])
def test_no_listing_of_ours_uses_the_generic_wording(client_as, query):
    client = client_as("coordination")
    wrong = {}
    for address in our_listings():
        response = client.get(address + query)
        assert response.status_code == 200, address
        found = GENERIC.findall(response.content.decode())
        if found:
            wrong[address] = found
    assert wrong == {}


def texts(body):
    return " ".join(re.sub(r"<[^>]+>", " ", body).replace("&#x27;", "'").split())


def test_a_snippet_listing_reads_french(client_as):
    client = client_as("coordination")
    body = texts(client.get("/admin/snippets/events/event/").content.decode())
    assert "Ajouter un événement" in body
    assert "Aucun événement pour l'instant. Pourquoi ne pas en ajouter un ?" in body
    EventFactory.create_batch(2)
    assert "2 événements" in texts(client.get("/admin/snippets/events/event/").content.decode())
    body = texts(client.get("/admin/snippets/exchanges/faqentry/?q=zzzz").content.decode())
    assert "Aucune entrée de FAQ ne correspond à votre requête." in body


def test_a_model_viewset_listing_reads_french(client_as):
    body = texts(client_as("coordination").get("/admin/activite/grilles/?support=non").content.decode())
    assert "Aucune grille d'activité ne correspond à votre requête." in body


def test_a_modeladmin_listing_reads_french(client_as):
    client = client_as("coordination")
    body = texts(client.get("/admin/coordination/convention/").content.decode())
    assert "Ajouter une convention" in body
    assert "Aucune convention pour l'instant. Pourquoi ne pas en ajouter une ?" in body
    assert "Ajouter un bilan individuel" in texts(client.get("/admin/coordination/individualreview/").content.decode())
    body = texts(client.get("/admin/coordination/onboardingstep/?q=zzzz").content.decode())
    assert "Aucune étape d'accueil ne correspond à votre requête." in body
    title = texts(client.get("/admin/coordination/convention/create/").content.decode())
    assert "Nouvelle convention" in title and "un(e)" not in title


def test_a_snippet_creation_form_says_new_in_french(client_as):
    body = texts(client_as("coordination").get("/admin/snippets/events/event/add/").content.decode())
    assert "Nouvel événement" in body and "Nouvel(le)" not in body


def test_a_noun_agrees():
    convention = Noun("Convention", "Conventions", FEMININE)
    assert (convention.one(), convention.none(), convention.new()) == (
        "une convention",
        "aucune convention",
        "nouvelle convention",
    )
    event = Noun("Événement", "Événements")
    assert (event.one(), event.new(), event.count(1), event.count(15)) == (
        "un événement",
        "nouvel événement",
        "1 événement",
        "15 événements",
    )
    assert Noun("Territoire", "Territoires").new() == "nouveau territoire"
    assert Noun("Entrée de FAQ", "Entrées de FAQ", FEMININE).one() == "une entrée de FAQ"
