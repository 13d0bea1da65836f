"""The public directory /annuaire/: who is listed, filters, sheets, structures, public relays,
and the promise that no e-mail or phone ever reaches a public page."""

import re

import pytest

from network.directory.models import Promeneur, PublicDirectoryPage, Relay
from network.directory.models.people import RESERVED_SLUGS
from tests.factories import (
    PromeneurFactory,
    RelayFactory,
    SocialProfileFactory,
    StructureFactory,
    TerritoryFactory,
    make_image,
)
from tests.pages import page_at

pytestmark = pytest.mark.django_db


def body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


@pytest.fixture
def directory():
    """Three public promeneurs on different territories and networks, one who did not opt in,
    one who left."""
    conflent = TerritoryFactory(name="Conflent")
    cerdagne = TerritoryFactory(name="Cerdagne")
    mjc = StructureFactory(name="MJC de Prades", territory=conflent, commune="Prades")
    pij = StructureFactory(name="PIJ de Font-Romeu", territory=cerdagne, commune="Font-Romeu")
    people = {}
    for key, first, last, structure, territory, network, public, active, phone in (
        ("anna", "Anna", "Prat", mjc, conflent, "instagram", True, True, "06 01 02 03 04"),
        ("bruno", "Bruno", "Serra", mjc, conflent, "discord", True, True, "06 11 12 13 14"),
        ("carla", "Carla", "Vidal", pij, cerdagne, "instagram", True, True, "07 21 22 23 24"),
        ("denis", "Denis", "Roca", mjc, conflent, "instagram", False, True, "06 31 32 33 34"),
        ("emma", "Emma", "Font", pij, cerdagne, "tiktok", True, False, "06 41 42 43 44"),
    ):
        promeneur = PromeneurFactory(
            user=None,
            first_name=first,
            last_name=last,
            structure=structure,
            public_listing=public,
            is_active=active,
            phone=phone,
            email=f"{first.lower()}.{last.lower()}@structure-test.fr",
            presentation=f"Présentation de {first}.",
        )
        promeneur.territories.add(territory)
        promeneur.save()
        SocialProfileFactory(promeneur=promeneur, network=network, profile_name=f"{first.lower()}_pdn66")
        people[key] = promeneur
    return people


def names(response):
    return set(re.findall(r"(Anna Prat|Bruno Serra|Carla Vidal|Denis Roca|Emma Font)", body(response)))


def test_the_directory_page_is_created_by_migration_and_in_the_menu(client):
    page = page_at("/annuaire/")
    assert isinstance(page, PublicDirectoryPage)
    assert page.show_in_menus and page.live
    assert not page.get_view_restrictions().exists()
    assert 'href="/annuaire/"' in body(client.get("/"))


def test_lists_only_active_promeneurs_who_opted_in(client, directory):
    response = client.get("/annuaire/")
    assert response.status_code == 200
    assert names(response) == {"Anna Prat", "Bruno Serra", "Carla Vidal"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"territoire": "conflent"}, {"Anna Prat", "Bruno Serra"}),
        ({"reseau": "instagram"}, {"Anna Prat", "Carla Vidal"}),
        ({"territoire": "conflent", "reseau": "instagram"}, {"Anna Prat"}),
        ({"q": "font-romeu"}, {"Carla Vidal"}),
        ({"q": "serra"}, {"Bruno Serra"}),
        ({"q": "roca"}, set()),  # not opted in: not even found by name
        ({"territoire": "inexistant", "reseau": "minitel"}, {"Anna Prat", "Bruno Serra", "Carla Vidal"}),
    ],
)
def test_filters(client, directory, query, expected):
    response = client.get("/annuaire/", query)
    assert response.status_code == 200
    assert names(response) == expected


def test_theme_filter_and_filters_kept_in_the_form(client, directory):
    from network.directory.models import Theme

    theme = Theme.objects.get(slug="sante")
    directory["carla"].themes.add(theme)
    directory["carla"].save()
    response = client.get("/annuaire/", {"theme": "sante", "reseau": "instagram"})
    assert names(response) == {"Carla Vidal"}
    html = body(response)
    assert re.search(r'<option value="sante" selected>', html)
    assert re.search(r'<option value="instagram" selected>', html)


def test_pages_keep_the_valid_filters_in_their_links(client, directory):
    for number in range(25):
        promeneur = PromeneurFactory(user=None, last_name=f"Nom{number}")
        promeneur.territories.add(directory["anna"].territories.first())
        promeneur.save()
        SocialProfileFactory(promeneur=promeneur, network="instagram")
    query = {"q": "  nom ", "territoire": "conflent", "reseau": "instagram", "theme": "inconnue"}
    html = body(client.get("/annuaire/", query))
    assert "25 promeneurs" in html
    assert 'href="?q=nom&amp;territoire=conflent&amp;reseau=instagram&amp;page=2"' in html


def test_a_promeneur_with_two_profiles_on_the_network_is_listed_once(client, directory):
    SocialProfileFactory(promeneur=directory["anna"], network="instagram", profile_name="anna_bis")
    assert body(client.get("/annuaire/", {"reseau": "instagram"})).count(">Anna Prat</a>") == 1


def test_public_sheet_shows_public_fields_and_clickable_profiles(client, directory):
    anna = directory["anna"]
    response = client.get(f"/annuaire/{anna.slug}/")
    assert response.status_code == 200
    html = body(response)
    assert "Anna Prat" in html and "MJC de Prades" in html and "Conflent" in html
    assert "Présentation de Anna." in html and "mardi 17h–19h" in html
    assert 'href="https://www.instagram.com/anna_pdn66"' in html
    assert anna.email not in html and anna.phone not in html


def test_one_territory_is_singular_two_are_plural(client, directory):
    anna = directory["anna"]
    sheet, listing = body(client.get(f"/annuaire/{anna.slug}/")), body(client.get("/annuaire/"))
    assert "<dt>Territoire</dt><dd>Conflent</dd>" in sheet
    assert "Territoire : Conflent" in listing and "Territoires : Conflent" not in listing
    anna.territories.add(TerritoryFactory(name="Fenouillèdes"))
    anna.save()  # as the admin does: the saved promeneur refreshes the cached pages
    sheet, listing = body(client.get(f"/annuaire/{anna.slug}/")), body(client.get("/annuaire/"))
    assert "<dt>Territoires</dt><dd>Conflent, Fenouillèdes</dd>" in sheet
    assert "Territoires : Conflent, Fenouillèdes" in listing


@pytest.mark.parametrize("address", ["/annuaire/", "/annuaire/structure/{slug}/"])
def test_promeneurs_cards_are_headings_under_the_list_heading(client, directory, address):
    html = body(client.get(address.format(slug=directory["anna"].structure.slug))).split("<main", 1)[1]
    headings = re.findall(r"<h(\d)[^>]*>(?:<a [^>]*>)?([^<]*)", html)
    first = next(index for index, (_, text) in enumerate(headings) if text in ("Anna Prat", "Bruno Serra"))
    list_level = int(headings[first - 1][0])  # "3 promeneurs", "Les Promeneurs du Net de la structure"
    assert {int(level) for level, _ in headings[first:]} == {list_level + 1}, headings


@pytest.mark.parametrize("key", ["denis", "emma"])
def test_no_public_sheet_without_consent_or_after_leaving(client, directory, key):
    assert client.get(f"/annuaire/{directory[key].slug}/").status_code == 404


def test_photo_only_with_consent(client, directory):
    anna = directory["anna"]
    anna.photo = make_image("Photo d'Anna")
    anna.photo_consent = False
    anna.save()
    assert "<img" not in body(client.get(f"/annuaire/{anna.slug}/")).split("<main", 1)[1]
    anna.photo_consent = True
    anna.save()
    html = body(client.get(f"/annuaire/{anna.slug}/"))
    # Served by the application under a random name (tests/test_images.py).
    assert re.search(r'<img[^>]+src="/images/renditions/[0-9a-f]{32}\.png"', html)


def test_structure_page_lists_its_public_promeneurs(client, directory):
    response = client.get(f"/annuaire/structure/{directory['anna'].structure.slug}/")
    assert response.status_code == 200
    assert names(response) == {"Anna Prat", "Bruno Serra"}
    sheet = body(client.get(f"/annuaire/{directory['anna'].slug}/"))
    assert f'href="/annuaire/structure/{directory["anna"].structure.slug}/"' in sheet


def test_a_structure_that_left_the_network_has_no_public_page(client, directory):
    structure = directory["anna"].structure
    structure.status = "inactive"
    structure.save()
    assert client.get(f"/annuaire/structure/{structure.slug}/").status_code == 404
    sheet = body(client.get(f"/annuaire/{directory['anna'].slug}/"))
    assert structure.name in sheet and f"/annuaire/structure/{structure.slug}/" not in sheet


def test_reserved_addresses_are_never_a_promeneur_slug():
    for word in RESERVED_SLUGS:
        promeneur = PromeneurFactory(user=None, first_name="", last_name=word.capitalize())
        assert promeneur.slug != word


def test_public_relays_show_public_ones_with_national_lines_first(client):
    RelayFactory(organisation="Point écoute local", is_public=True, domain="addictions")
    RelayFactory(organisation="Cellule réservée aux pros", is_public=False)
    html = body(client.get("/annuaire/relais/"))
    assert "Point écoute local" in html
    assert "Cellule réservée aux pros" not in html
    # The national lines come from the migration, before any local relay
    assert Relay.objects.filter(is_national_emergency=True, phone="3114").exists()
    assert html.index("3114") < html.index("Point écoute local")
    assert 'href="tel:3114"' in html


def test_no_email_or_phone_on_any_public_page(client, directory):
    """Every public address of the directory (and the site's home, search and sitemap),
    scanned for every promeneur's e-mail and phone, in every written form."""
    promeneurs = list(Promeneur.objects.all())
    addresses = ["/", "/annuaire/", "/annuaire/relais/", "/sitemap.xml", "/recherche/?q=Prat"]
    addresses += [f"/annuaire/?page={n}" for n in (1, 2)]
    for query in ("territoire=conflent", "territoire=cerdagne", "reseau=instagram", "reseau=discord", "q=prades"):
        addresses.append(f"/annuaire/?{query}")
    addresses += [f"/annuaire/{p.slug}/" for p in promeneurs]
    addresses += [f"/annuaire/structure/{p.structure.slug}/" for p in promeneurs]
    scanned = 0
    for address in addresses:
        response = client.get(address)
        html = body(response)
        for promeneur in promeneurs:
            for secret in (promeneur.email, promeneur.phone, promeneur.phone.replace(" ", "")):
                assert secret not in html, f"{secret} leaked on {address}"
        scanned += response.status_code == 200
    assert scanned >= 15


def test_an_apostrophe_parts_the_words_of_an_address():
    structure = StructureFactory(name="L'Escale d’Ille")
    promeneur = PromeneurFactory(first_name="Jeanne", last_name="D'Amico", structure=structure)
    assert (structure.slug, promeneur.slug) == ("l-escale-d-ille", "jeanne-d-amico")
