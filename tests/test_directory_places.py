"""Finding a promeneur by town (issue 15): the public directory and the site search find promeneurs
and structures by commune, postcode or intercommunality, whatever the accents and the case; a
commune where nobody is gets the nearest promeneurs; nothing typed gives a 500."""

import json
import re

import pytest

from network.directory.communes import COMMUNES_FILE, NEIGHBOURS_FILE, find_place, match_commune
from network.directory.models import Commune, Structure
from tests.factories import PromeneurFactory, StructureFactory
from workspace.search.words import normalised, search_words, unaccent

pytestmark = pytest.mark.django_db

# name: (structure, commune as typed, postcode)
PEOPLE = {
    "Rémi Salvat": ("Point jeunes de Rivesaltes", "Rivesaltes", "66600"),
    "Inès Canal": ("Espace jeunes de Canet", "Canet-en-Roussillon", "66140"),
    "Jordi Tubert": ("MJC des Aspres", "Thuir", "66300"),
    "Marta Bosch": ("Mission locale du Vallespir", "Céret", "66400"),
    "Pau Serra": ("PIJ de Font-Romeu", "Font-Romeu-Odeillo-Via", "66120"),
    "Pierre Ferrer": ("Centre social de Perpignan", "Perpignan", "66000"),
}
NAMES = re.compile("|".join(PEOPLE))


@pytest.fixture
def towns():
    people = {}
    for name, (structure_name, commune, postcode) in PEOPLE.items():
        first, last = name.split()
        structure = StructureFactory(name=structure_name, commune=commune, postcode=postcode)
        people[name] = PromeneurFactory(user=None, first_name=first, last_name=last, structure=structure)
    return people


def body(response):
    assert response.status_code == 200
    return response.content.decode()


def directory(client, query):
    return body(client.get("/annuaire/", {"q": query}))


def site_search(client, query, **params):
    return body(client.get("/recherche/", {"q": query, **params}))


def found(html):
    return set(NAMES.findall(html))


def test_structures_are_placed_in_their_official_commune(towns):
    places = dict(Structure.objects.filter(insee_commune__isnull=False).values_list("name", "insee_commune__name"))
    assert places["Espace jeunes de Canet"] == "Canet-en-Roussillon"
    assert places["Mission locale du Vallespir"] == "Céret"


def test_a_commune_typed_without_its_accent_or_with_spaces_is_still_recognised():
    assert match_commune("Ceret").name == "Céret"
    assert match_commune("CANET EN ROUSSILLON").name == "Canet-en-Roussillon"
    assert match_commune("St Cyprien").name == "Saint-Cyprien"
    assert match_commune("Canet") is None  # the beginning of a name is not a structure's commune


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Rivesaltes", {"Rémi Salvat"}),
        ("RIVESALTES", {"Rémi Salvat"}),
        ("66600", {"Rémi Salvat"}),
        ("Canet", {"Inès Canal"}),
        ("canet en roussillon", {"Inès Canal"}),
        ("66140", {"Inès Canal"}),
        ("Thuir", {"Jordi Tubert"}),
        ("thuir", {"Jordi Tubert"}),
        ("Ceret", {"Marta Bosch"}),
        ("céret", {"Marta Bosch"}),
        ("CÉRET", {"Marta Bosch"}),
        ("Vallespir", {"Marta Bosch"}),  # the intercommunality: CC du Vallespir
        ("Aspres", {"Jordi Tubert"}),
        ("Perpignan Méditerranée", {"Rémi Salvat", "Inès Canal", "Pierre Ferrer"}),
        ("font romeu", {"Pau Serra"}),
        ("ferrer", {"Pierre Ferrer"}),
        ("ferr", {"Pierre Ferrer"}),  # the beginning of a word
    ],
)
def test_the_directory_and_the_site_search_find_promeneurs_by_place(client, towns, query, expected):
    html = directory(client, query)
    assert found(html) == expected
    assert "les plus proches" not in html
    assert found(site_search(client, query, type="promeneurs")) == expected


def test_the_site_search_over_the_whole_site_shows_promeneurs_and_structures(client, towns):
    html = site_search(client, "66600")
    assert "Promeneurs de l&#x27;annuaire" in html and "Rémi Salvat" in html
    assert "Point jeunes de Rivesaltes" in html
    sheet = f'href="/annuaire/{towns["Rémi Salvat"].slug}/"'
    assert sheet in html
    assert 'href="/annuaire/structure/point-jeunes-de-rivesaltes/"' in html
    structures = site_search(client, "ceret", type="structures")
    assert "Mission locale du Vallespir" in structures and "Point jeunes" not in structures


def test_a_commune_with_nobody_gets_the_nearest_promeneurs_of_its_intercommunality(client, towns):
    # Saint-Estève is in Perpignan Méditerranée Métropole, like Rivesaltes, Canet and Perpignan.
    html = directory(client, "saint esteve")
    assert "Aucun promeneur à Saint-Estève ; les plus proches :" in html
    assert found(html) == {"Rémi Salvat", "Inès Canal", "Pierre Ferrer"}
    search = site_search(client, "St-Estève")
    assert "Aucun promeneur à Saint-Estève ; les plus proches :" in search
    assert found(search) == {"Rémi Salvat", "Inès Canal", "Pierre Ferrer"}


def test_then_those_of_the_neighbouring_intercommunalities(client, towns):
    # Err (Pyrénées Cerdagne): nobody there; Font-Romeu is in the neighbouring Pyrénées Catalanes.
    # Pierre Ferrer is not found: "err" inside a word is not the commune.
    html = directory(client, "Err")
    assert "Aucun promeneur à Err ; les plus proches :" in html
    assert found(html) == {"Pau Serra"}
    assert found(site_search(client, "err", type="promeneurs")) == {"Pau Serra"}
    # Le Boulou: "au Boulou", and Céret in the same intercommunality.
    html = directory(client, "Boulou")
    assert "Aucun promeneur au Boulou ; les plus proches :" in html
    assert found(html) == {"Marta Bosch"}


def test_a_place_with_nobody_near_says_so(client):
    html = directory(client, "Err")
    assert "Aucun promeneur à Err. Essayez le nom d&#x27;une commune voisine." in html


def test_a_postcode_with_nobody_names_the_postcode(client, towns):
    html = directory(client, "66800")  # Err, Saillagouse, Estavar…
    assert "Aucun promeneur dans le 66800 ; les plus proches :" in html
    assert found(html) == {"Pau Serra"}


def test_a_name_that_is_no_place_gets_the_usual_answer(client, towns):
    html = directory(client, "Zorglub")
    assert "Aucun promeneur ne correspond" in html
    assert "les plus proches" not in html
    assert find_place("saint") is None  # the beginning of too many names to say where


def test_suggestions_never_show_a_promeneur_who_did_not_opt_in(client, towns):
    towns["Pau Serra"].public_listing = False
    towns["Pau Serra"].save()
    html = directory(client, "Err")
    assert "Pau Serra" not in html
    assert "Pau Serra" not in site_search(client, "Err")


LONG = "Perpignan " * 50
ODD = ["%", "_", "\\", "'", '"', "(", ")", "[", "]", "*", "+", "?", "^", "$", "|", ".*", "(?i)", "a{1,99999}", "😀"]


@pytest.mark.parametrize("query", [LONG, "x" * 500, *ODD, "Céret 66400 (Vallespir) – l'Albère ; DROP TABLE"])
def test_bad_input_never_gives_a_500(client, towns, query):
    html = directory(client, query)
    if len(query) > 100:
        assert "au plus 100 caractères" in html  # the field's French message
    site_search(client, query)
    site_search(client, query, type="promeneurs")


def test_query_words_are_letters_and_digits_without_accents():
    assert search_words("  L'Albère (66480) ") == ["l", "albere", "66480"]
    assert search_words("St-Cyprien") == ["saint", "cyprien"]
    assert search_words(".* [a-z] $^") == ["a", "z"]
    assert len(search_words("mot " * 50)) == 8
    assert normalised("Canet-en-Roussillon") == normalised("canet en ROUSSILLON")
    assert unaccent("Œuvre à Prats-de-Mollo-la-Preste") == "OEuvre a Prats-de-Mollo-la-Preste"
    assert unaccent(None) is None


def test_the_neighbours_table_is_symmetric_and_names_every_intercommunality():
    communes = json.loads(COMMUNES_FILE.read_text(encoding="utf-8"))["communes"]
    names = {row["epci_code"]: row["epci_name"] for row in communes}
    table = json.loads(NEIGHBOURS_FILE.read_text(encoding="utf-8"))["epci"]
    assert set(table) == set(names)
    for code, row in table.items():
        assert row["name"] == names[code]
        assert code not in row["neighbours"]
        for neighbour in row["neighbours"]:
            assert code in table[neighbour]["neighbours"], f"{row['name']} → {table[neighbour]['name']}"


def test_the_communes_are_in_the_database_with_postcodes_and_intercommunality():
    rivesaltes = Commune.objects.get(name="Rivesaltes")
    assert "66600" in rivesaltes.postcode_list
    assert rivesaltes.epci_name == "CU Perpignan Méditerranée Métropole"
