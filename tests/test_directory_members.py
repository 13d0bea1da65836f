"""/espace/annuaire/ and /espace/relais/: what members see, and the demo content."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from network.directory.models import MembersDirectoryPage, MyProfilePage, Promeneur, Relay, RelaysPage
from tests.factories import PromeneurFactory, RelayFactory, StructureFactory, TerritoryFactory
from tests.pages import page_at

pytestmark = pytest.mark.django_db


def test_pages_are_created_under_the_space_and_inherit_its_restriction():
    for address, page_type in (
        ("/espace/annuaire/", MembersDirectoryPage),
        ("/espace/relais/", RelaysPage),
        ("/espace/mon-profil/", MyProfilePage),
    ):
        page = page_at(address)
        assert isinstance(page, page_type) and page.live and page.show_in_menus
        restrictions = page.get_view_restrictions()
        assert [r.page.url_path for r in restrictions] == ["/accueil/espace/"]


def test_space_home_links_to_the_new_sections(client_as):
    html = client_as("promeneur").get("/espace/").content.decode()
    for address in ("/espace/annuaire/", "/espace/relais/", "/espace/mon-profil/"):
        assert f'href="{address}"' in html


@pytest.fixture
def network():
    conflent = TerritoryFactory(name="Conflent")
    mjc = StructureFactory(
        name="MJC de Prades",
        territory=conflent,
        referent_name="Jordi Puig",
        referent_email="jordi@mjc.example.org",
        referent_phone="04 68 96 00 01",
    )
    StructureFactory(name="Structure fermée", status="inactive")
    private = PromeneurFactory(
        user=None,
        first_name="Denis",
        last_name="Roca",
        structure=mjc,
        public_listing=False,
        email="denis@mjc.example.org",
        phone="06 31 32 33 34",
    )
    private.territories.add(conflent)
    private.save()
    PromeneurFactory(user=None, first_name="Emma", last_name="Font", is_active=False, email="emma@example.org")
    return {"conflent": conflent, "mjc": mjc}


def test_members_directory_shows_every_active_promeneur_with_contact_and_referents(client_as, network):
    html = client_as("promeneur").get("/espace/annuaire/").content.decode()
    assert "Denis Roca" in html and "denis@mjc.example.org" in html and "06 31 32 33 34" in html
    assert "Ne figure pas dans l'annuaire public" in html
    assert "Emma Font" not in html  # left the network
    assert "Jordi Puig" in html and "jordi@mjc.example.org" in html and "04 68 96 00 01" in html
    assert "Structure fermée" not in html


def test_members_directory_pages_the_structures_apart_from_the_promeneurs(client_as, network, monkeypatch):
    monkeypatch.setattr(MembersDirectoryPage, "per_page", 2)
    for index in range(3):
        StructureFactory(name=f"Association {index}")
    client = client_as("promeneur")
    first = client.get("/espace/annuaire/", {"q": "association"}).content.decode()
    assert "Structures et référents (3)" in first
    assert "Association 0" in first and "Association 1" in first and "Association 2" not in first
    assert 'aria-label="Pagination des structures"' in first
    assert 'href="?q=association&amp;page-structures=2"' in first
    second = client.get("/espace/annuaire/", {"q": "association", "page-structures": "2"}).content.decode()
    assert "Association 2" in second and "Association 0" not in second
    assert client.get("/espace/annuaire/", {"page-structures": "x"}).status_code == 200


def test_members_directory_filters(client_as, network):
    client = client_as("promeneur")
    html = client.get("/espace/annuaire/", {"territoire": "conflent"}).content.decode()
    assert "Denis Roca" in html and "Lucie" not in html.split("Promeneurs (")[1].split("</section>")[0]
    html = client.get("/espace/annuaire/", {"q": "roca"}).content.decode()
    assert "Denis Roca" in html


def test_a_filtered_listing_opens_on_its_results(client_as):
    """On a phone the results come below a long form: the form's answer jumps to them."""
    client = client_as("promeneur")
    for address, results in (("/espace/annuaire/", "promeneurs-titre"), ("/espace/relais/", "relais")):
        html = client.get(address).content.decode()
        assert f'action="{address}#{results}"' in html
        assert f'id="{results}"' in html
    html = client.get("/annuaire/").content.decode()
    assert 'action="/annuaire/#resultats"' in html and 'id="resultats"' in html
    assert 'action="/annuaire/#resultats"' in client.get("/").content.decode()  # the home page's box


def test_relays_national_lines_first_then_by_domain_and_territory(client_as, network):
    RelayFactory(organisation="Point écoute du Conflent", domain="sante_mentale", territory=network["conflent"])
    RelayFactory(organisation="Point écoute d'ailleurs", domain="sante_mentale", territory=TerritoryFactory())
    RelayFactory(organisation="Cellule départementale", domain="radicalisation", is_public=False)
    client = client_as("promeneur")
    html = client.get("/espace/relais/").content.decode()
    assert html.index("3114") < html.index("Cellule départementale")
    assert html.index("Lignes d'urgence nationales") < html.index("Point écoute du Conflent")
    assert "Cellule départementale" in html  # members see relays not marked public

    html = client.get("/espace/relais/", {"territoire": "conflent"}).content.decode()
    assert "Point écoute du Conflent" in html and "Point écoute d&#x27;ailleurs" not in html
    assert "Cellule départementale" in html  # no territory: the whole department

    html = client.get("/espace/relais/", {"domaine": "radicalisation"}).content.decode()
    assert "Cellule départementale" in html and "Point écoute du Conflent" not in html


@override_settings(DEBUG=True)
def test_demo_directory_loads_twice_without_duplicates():
    call_command("load_demo", stdout=io.StringIO())
    counts = (Promeneur.objects.count(), Relay.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Promeneur.objects.count(), Relay.objects.count()) == counts
    assert Relay.objects.filter(is_public=False).exists() and Relay.objects.filter(territory__isnull=False).exists()
