"""Coverage of the territory (issue 12, item 7): the communes of the Pyrénées-Orientales shipped as
data, each structure placed in its commune, and the figures per intercommunality for the
coordination and the committees."""

import datetime
import html
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from network.activity.coverage import coverage
from network.activity.models.grids import add_months, current_month
from network.directory.communes import COMMUNES_FILE, load_communes, match_commune
from network.directory.models import Commune, Structure
from tests.factories import ActivityGridFactory, PromeneurFactory, StructureFactory

pytestmark = pytest.mark.django_db

PERPIGNAN_EPCI = "200027183"
CONFLENT_EPCI = "200049211"  # CC Conflent-Canigó: Prades
CERDAGNE_EPCI = "246600399"  # CC Pyrénées Cerdagne
CATALANES_EPCI = "246600464"  # CC Pyrénées Catalanes: Font-Romeu-Odeillo-Via
COVERAGE = "/comites/chiffres-cles/couverture/"


# --- The data shipped in the repository ----------------------------------------------------------


def test_the_file_says_where_it_comes_from_and_holds_every_commune_of_the_departement():
    data = json.loads(COMMUNES_FILE.read_text(encoding="utf-8"))
    assert "@etalab/decoupage-administratif" in data["source"]
    assert "Licence Ouverte" in data["licence"]
    communes = data["communes"]
    assert 220 <= len(communes) <= 230
    assert len({row["code"] for row in communes}) == len(communes)
    assert all(row["code"].startswith("66") for row in communes)
    assert all(row["epci_code"] and row["epci_name"] for row in communes)
    assert all(row["postcodes"] and row["population"] > 0 for row in communes)


def test_the_migration_loaded_the_communes_with_their_intercommunality():
    assert 220 <= Commune.objects.count() <= 230
    perpignan = Commune.objects.get(code="66136")
    assert perpignan.name == "Perpignan"
    assert "66000" in perpignan.postcode_list and perpignan.population > 100_000
    assert perpignan.epci_code == PERPIGNAN_EPCI and "Perpignan" in perpignan.epci_name
    assert not Commune.objects.filter(epci_code="").exists()
    assert Commune.objects.values("epci_code").distinct().count() == 12


def test_loading_again_changes_nothing_and_puts_back_an_edited_figure():
    Commune.objects.filter(code="66136").update(population=1)
    assert load_communes(Commune) == (0, 1)
    assert Commune.objects.get(code="66136").population > 100_000
    assert load_communes(Commune) == (0, 0)


def test_the_command_links_the_structures_whose_commune_is_unambiguous():
    prades = StructureFactory(name="MJC", commune="Prades")
    unknown = StructureFactory(name="Ailleurs", commune="Commune imaginaire")
    Structure.objects.update(insee_commune=None)
    out = StringIO()
    call_command("load_communes", stdout=out)
    prades.refresh_from_db()
    unknown.refresh_from_db()
    assert prades.insee_commune.code == "66149"
    assert unknown.insee_commune is None
    assert "0 ajoutée, 0 mise à jour" in out.getvalue()


def test_a_structure_finds_its_commune_from_the_name_typed():
    assert StructureFactory(name="MJC", commune="céret").insee_commune.name == "Céret"
    assert StructureFactory(name="Autre", commune="Nulle part").insee_commune is None
    assert match_commune("") is None


def test_an_imported_structure_finds_its_commune():
    from network.directory.importing import run_import

    run_import("structures", b"nom;commune;code_postal\nMJC de Prades;Prades;66500\n")
    assert Structure.objects.get(name="MJC de Prades").insee_commune.code == "66149"


def test_a_structure_commune_chosen_by_hand_is_kept():
    elne = Commune.objects.get(name="Elne")
    structure = StructureFactory(name="Centre social", commune="Perpignan", insee_commune=elne)
    assert structure.insee_commune == elne


def test_the_structure_form_offers_the_commune_chooser_and_saves_it(client_as):
    client = client_as("coordination")
    response = client.get("/admin/snippets/directory/structure/add/")
    assert 'name="insee_commune"' in response.content.decode()
    chooser = client.get("/admin/annuaire/communes/", {"q": "66500"})
    assert chooser.status_code == 200 and "Prades" in chooser.json()["html"]
    results = client.get("/admin/annuaire/communes/results/", {"q": "perpi"})
    assert "Perpignan" in results.content.decode() and "Prades" not in results.content.decode()
    prades = Commune.objects.get(code="66149")
    response = client.post(
        "/admin/snippets/directory/structure/add/",
        {"name": "PIJ de Prades", "kind": "pij_bij", "status": "active", "insee_commune": prades.pk},
    )
    assert response.status_code == 302
    assert Structure.objects.get(name="PIJ de Prades").insee_commune == prades


def test_the_commune_chooser_ignores_accents_and_case_as_the_site_search(client_as):
    """The chooser reads what is typed as the site's search does (workspace/search/words.py)."""
    client = client_as("coordination")
    for query, found in (("ceret", "Céret"), ("CÉRET", "Céret"), ("st cyprien", "Saint-Cyprien"), ("66400", "Céret")):
        results = client.get("/admin/annuaire/communes/results/", {"q": query})
        assert results.status_code == 200 and found in html.unescape(results.content.decode()), query
    results = html.unescape(client.get("/admin/annuaire/communes/results/", {"q": "err"}).content.decode())
    assert "Err" in results and "Serralongue" not in results  # a word's beginning, not any substring


def test_the_structures_export_names_the_intercommunality(client_as):
    StructureFactory(name="MJC de Prades", commune="Prades")
    response = client_as("coordination").get("/admin/snippets/directory/structure/", {"export": "csv"})
    body = response.content.decode("utf-8-sig")
    assert "Intercommunalité" in body.splitlines()[0]
    assert "CC Conflent-Canigó" in body


# --- The figures ---------------------------------------------------------------------------------


@pytest.fixture
def network(users):
    """Perpignan: the role users' promeneur (no grid) and two promeneurs with 6 and 4 hours
    (the older grid of the first one does not count); Prades: one promeneur with 3 hours; an
    inactive promeneur, a grid older than a year, and a structure with no commune."""
    this_month = current_month()
    perpignan = StructureFactory(name="Centre social Perpignan", commune="Perpignan")
    prades = StructureFactory(name="MJC de Prades", commune="Prades")
    nowhere = StructureFactory(name="Structure sans commune", commune="")
    first = PromeneurFactory(structure=perpignan)
    ActivityGridFactory(promeneur=first, month=add_months(this_month, -1), hours_per_week=6)
    ActivityGridFactory(promeneur=first, month=add_months(this_month, -2), hours_per_week=20)
    ActivityGridFactory(promeneur=first, month=this_month, hours_per_week=9, status="brouillon")
    ActivityGridFactory(promeneur=PromeneurFactory(structure=perpignan), month=this_month, hours_per_week=4)
    ActivityGridFactory(
        promeneur=PromeneurFactory(structure=prades), month=add_months(this_month, -3), hours_per_week=3
    )
    stale = PromeneurFactory(structure=prades)
    ActivityGridFactory(promeneur=stale, month=add_months(this_month, -13), hours_per_week=30)
    ActivityGridFactory(promeneur=PromeneurFactory(structure=prades, is_active=False), hours_per_week=12)
    PromeneurFactory(structure=nowhere)
    return {"perpignan": perpignan, "prades": prades}


def by_code(result):
    return {row.code: row for row in result.rows}


def test_figures_per_intercommunality(network):
    result = coverage()
    rows = by_code(result)
    assert len(result.rows) == 12
    perpignan = rows[PERPIGNAN_EPCI]
    assert (perpignan.promeneurs, perpignan.weekly_hours, perpignan.without_grid) == (3, Decimal(10), 1)
    population = Commune.objects.filter(epci_code=PERPIGNAN_EPCI).values_list("population", flat=True)
    assert perpignan.population == sum(population)
    assert perpignan.hours_per_10k == (Decimal(10) * 10_000 / sum(population)).quantize(Decimal("0.1"))
    conflent = rows[CONFLENT_EPCI]
    # The stale promeneur counts, with unknown hours; the inactive one does not count.
    assert (conflent.promeneurs, conflent.weekly_hours, conflent.without_grid) == (2, Decimal(3), 1)
    assert result.unplaced == 1
    assert {row.code for row in result.uncovered} == set(rows) - {PERPIGNAN_EPCI, CONFLENT_EPCI}
    assert result.total.promeneurs == 5 and result.total.weekly_hours == Decimal(13)


def test_the_figures_cost_two_queries_whatever_the_size(network, django_assert_num_queries):
    with django_assert_num_queries(2):
        coverage()
    for _ in range(10):
        ActivityGridFactory(promeneur=PromeneurFactory(structure=network["prades"]))
    with django_assert_num_queries(2):
        coverage()


def test_the_page_shows_a_table_a_chart_and_the_intercommunalities_with_no_promeneur(client_as, network):
    response = client_as("pilotage").get(COVERAGE)
    body = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="chart" id="graphique-couverture" role="img"' in body
    caption = '<caption id="tableau-intercommunalites">Promeneurs et heures en ligne par intercommunalité</caption>'
    assert caption in body
    assert "CC Pyrénées Cerdagne" in body.split('id="sans-promeneur"')[1]
    assert "CC Conflent-Canigó" not in body.split('id="sans-promeneur"')[1]
    assert "dernière grille d'activité transmise" in body
    # Committees see figures, never a promeneur's name nor a link into the admin.
    assert "Structure sans commune" not in body and "/admin/" not in body
    assert "1 promeneur actif ne figure dans aucune intercommunalité" in body


def test_the_page_costs_a_bounded_number_of_queries(client_as, network, django_assert_max_num_queries):
    client = client_as("financeurs")
    client.get(COVERAGE)
    with django_assert_max_num_queries(40) as small:
        client.get(COVERAGE)
    for _ in range(15):
        ActivityGridFactory(promeneur=PromeneurFactory(structure=network["perpignan"]))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(COVERAGE)


def test_the_committees_figures_page_links_to_the_coverage(client_as):
    body = client_as("technique").get("/comites/chiffres-cles/").content.decode()
    assert f'href="{COVERAGE}"' in body


def test_the_admin_menu_leads_the_coordination_to_the_coverage(client_as):
    client = client_as("coordination")
    assert "Couverture du territoire" in client.get("/admin/").content.decode()
    response = client.get("/admin/couverture/")
    assert response.status_code == 302 and response["Location"] == COVERAGE


def test_a_month_is_counted_from_the_latest_grid_of_the_last_twelve_months(users):
    structure = StructureFactory(name="Centre", commune="Font-Romeu-Odeillo-Via")
    promeneur = PromeneurFactory(structure=structure)
    ActivityGridFactory(promeneur=promeneur, month=datetime.date(2024, 1, 1), hours_per_week=5)
    ActivityGridFactory(promeneur=promeneur, month=datetime.date(2024, 6, 1), hours_per_week=7)
    row = by_code(coverage(datetime.date(2024, 12, 1)))[CATALANES_EPCI]
    assert (row.promeneurs, row.weekly_hours) == (1, Decimal(7))
    row = by_code(coverage(datetime.date(2025, 6, 1)))[CATALANES_EPCI]
    assert (row.promeneurs, row.weekly_hours, row.without_grid) == (1, Decimal(0), 1)
