"""Finding a promeneur by town (issue 15): the public directory and the site search find promeneurs
and structures by commune, postcode or intercommunality, whatever the accents and the case; a
commune where nobody is gets the nearest promeneurs; nothing typed gives a 500."""

import json
import re

import pytest
from django.core.exceptions import ValidationError

from network.directory.communes import COMMUNES_FILE, NEIGHBOURS_FILE, find_place, match_commune, official_code
from network.directory.demo import DEMO_FILE
from network.directory.models import Commune, Structure, Territory
from tests.factories import PromeneurFactory, StructureFactory, TerritoryFactory
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


# Promeneurs found by the communes of the territories they cover, their structure being elsewhere
# (Thuir, in the CC des Aspres): name: (territory, its kind, its official code or None to let the
# name give it).
PMM, VALLESPIR = "200027183", "246600373"
COVERING = {
    # A name that is not the official one (CU Perpignan Méditerranée Métropole) nor any commune's:
    # the territory is tied to its intercommunality by the code alone.
    "Nora Coste": ("Plaine littorale", "epci", PMM),
    "Olga Vidal": ("Vallespir (Céret)", "epci", None),  # found by its name: the CC du Vallespir
    "Léon Mas": ("Albères – Côte Vermeille – Illibéris", "epci", None),
    "Paul Garcia": ("Elne", "commune", None),
    "Yves Sol": ("Quartiers nord", "secteur", None),
}
COVERERS = re.compile("|".join(COVERING))


@pytest.fixture
def coverage():
    elsewhere = StructureFactory(name="Association des Aspres", commune="Thuir", postcode="66300")
    people = {}
    for name, (territory_name, kind, code) in COVERING.items():
        first, last = name.split()
        territory = TerritoryFactory(name=territory_name, kind=kind, **({"code": code} if code else {}))
        promeneur = PromeneurFactory(user=None, first_name=first, last_name=last, structure=elsewhere)
        promeneur.territories.add(territory)
        promeneur.save()
        people[name] = promeneur
    return people


def covering(html):
    return set(COVERERS.findall(html))


def members_directory(client_as, query):
    return body(client_as("promeneur").get("/espace/annuaire/", {"q": query}))


def test_a_territory_is_tied_to_its_official_intercommunality_or_commune():
    assert official_code("Perpignan Méditerranée Métropole", "epci") == PMM
    assert official_code("Vallespir (Céret)", "epci") == VALLESPIR  # CC du Vallespir, not du Haut Vallespir
    assert official_code("Haut Vallespir", "epci") == "246600548"
    assert official_code("Salanque Méditerranée", "epci") == "200070365"  # CC Corbières Salanque Méditerranée
    assert official_code("Albères – Côte Vermeille – Illibéris", "epci") == "200043602"
    assert official_code("Conflent", "epci") == ""  # Conflent-Canigó or Roussillon-Conflent: not certain
    assert official_code("Canet en Roussillon", "commune") == Commune.objects.get(name="Canet-en-Roussillon").code
    assert official_code("Canet", "commune") == ""
    assert official_code("Vallespir", "secteur") == ""
    assert TerritoryFactory(name="Sud Roussillon").code == "246600282"  # filled in when saved


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Canet", {"Nora Coste"}),
        ("canet-en-roussillon", {"Nora Coste"}),
        ("CANET EN ROUSSILLON", {"Nora Coste"}),
        ("66140", {"Nora Coste"}),
        ("Rivesaltes", {"Nora Coste"}),
        ("rivesaltes", {"Nora Coste"}),
        ("66600", {"Nora Coste"}),
        ("Perpignan", {"Nora Coste"}),
        ("Elne", {"Léon Mas", "Paul Garcia"}),
        ("66200", {"Léon Mas", "Paul Garcia"}),
        ("Collioure", {"Léon Mas"}),
        ("Ceret", {"Olga Vidal"}),
    ],
)
def test_a_promeneur_is_found_by_any_commune_of_the_territories_they_cover(
    client, client_as, coverage, query, expected
):
    public = directory(client, query)
    assert covering(public) == expected
    if expected:
        assert "les plus proches" not in public
    assert covering(site_search(client, query, type="promeneurs")) == expected
    assert covering(members_directory(client_as, query)) == expected


def test_covering_another_intercommunality_or_a_sector_is_not_enough(client, coverage):
    html = directory(client, "Canet")
    assert "Olga Vidal" not in html and "Léon Mas" not in html and "Yves Sol" not in html
    assert "Yves Sol" not in directory(client, "Perpignan")


def test_nobody_covering_the_commune_still_gets_the_nearest(client, coverage):
    # Err (CC Pyrénées Cerdagne): nobody covers it nor its neighbour, the CC Pyrénées Catalanes.
    html = directory(client, "Err")
    assert "Aucun promeneur à Err. Essayez le nom d&#x27;une commune voisine." in html
    # Prats-de-Mollo-la-Preste (CC du Haut Vallespir): nobody covers it, but Olga Vidal covers
    # its neighbour, the CC du Vallespir (her structure is in Thuir, farther away).
    html = directory(client, "Prats-de-Mollo-la-Preste")
    assert "Aucun promeneur à Prats-de-Mollo-la-Preste ; les plus proches :" in html
    assert covering(html) == {"Olga Vidal"}
    search = site_search(client, "prats de mollo", type="promeneurs")
    assert "les plus proches" in search and covering(search) == {"Olga Vidal"}


def test_a_territory_code_must_be_an_official_one():
    with pytest.raises(ValidationError) as error:
        Territory(name="Ailleurs", kind="epci", code="123456789").full_clean(exclude=["slug"])
    assert "aucune intercommunalité" in str(error.value)
    with pytest.raises(ValidationError):
        Territory(name="Quartier", kind="secteur", code=PMM).full_clean(exclude=["slug"])
    Territory(name="Agglo", kind="epci", code=PMM).full_clean(exclude=["slug"])
    Territory(name="Ville", kind="commune", code=Commune.objects.get(name="Elne").code).full_clean(exclude=["slug"])


def test_the_demo_territories_are_tied_to_their_intercommunality():
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    official = set(Commune.objects.values_list("epci_code", flat=True))
    for row in data["territories"]:
        assert row["code"] in official, row["name"]
        assert official_code(row["name"], row["kind"]) == row["code"], row["name"]
