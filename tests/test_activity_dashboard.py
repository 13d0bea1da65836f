"""The evaluation dashboard, its exports and the committees' figures.

The expected figures are recomputed here in plain Python from the grid objects,
independently of the database aggregations used by the dashboard.
"""

import csv
import datetime
import html
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.activity.models import ActivityGrid, CoordinationJournalEntry, NetworkActivity
from network.activity.models.grids import add_months, current_month, months_between, previous_month
from network.activity.stats import FIRST_DAY_KEY, first_day_with_figures, years
from network.directory.models import Promeneur, Theme
from tests.factories import (
    ActivityGridFactory,
    JournalEntryFactory,
    NetworkActivityFactory,
    PromeneurFactory,
    StructureFactory,
    TerritoryFactory,
    UserFactory,
)

DASHBOARD = "/admin/activite/"
LAST = previous_month()


def month(offset):
    return add_months(LAST, -offset)


@pytest.fixture
def network(users):
    """Two territories, three structures, six promeneurs (one left, one arrived late), 14 months of grids."""
    north, south = TerritoryFactory(name="Territoire Nord"), TerritoryFactory(name="Territoire Sud")
    mjc = StructureFactory(name="MJC Nord", territory=north)
    centre = StructureFactory(name="Centre social Nord", territory=north)
    mission = StructureFactory(name="Mission locale Sud", territory=south)
    themes = list(Theme.objects.order_by("pk"))
    people = [
        PromeneurFactory(structure=mjc, entry_date=datetime.date(2015, 1, 1)),
        PromeneurFactory(structure=mjc),
        PromeneurFactory(structure=centre, entry_date=month(4)),
        PromeneurFactory(structure=mission),
        # Works in the north although employed in the south.
        PromeneurFactory(structure=mission),
        # Left the network four months ago (anonymised in place, grids kept).
        PromeneurFactory(
            structure=centre, is_active=False, exit_date=month(4), first_name="Ancien", last_name="Promeneur"
        ),
    ]
    people[4].territories.add(north)
    for index, promeneur in enumerate(people):
        for offset in range(14):
            if (index + offset) % 5 == 0 or (index == 2 and offset > 4) or (index == 5 and offset < 4):
                continue  # missing grids
            status = "brouillon" if (index * 3 + offset) % 7 == 0 else "transmise"
            grid = ActivityGridFactory(
                promeneur=promeneur,
                month=month(offset),
                status=status,
                hours_per_week=Decimal(2 + (index + offset) % 5) / 2 + 1,
            )
            grid.themes.set(themes[(index + offset) % 4 : (index + offset) % 4 + 1 + offset % 3])
            NetworkActivityFactory(
                grid=grid, network="instagram", messages=10 + offset, young_people=3 + index, new_young_people=index % 3
            )
            if offset % 2:
                NetworkActivityFactory(
                    grid=grid, network="discord", messages=5 * index, young_people=offset % 4, new_young_people=0
                )
    JournalEntryFactory(date=month(1) + datetime.timedelta(days=3), kind="rencontre", duration_minutes=120)
    entry = JournalEntryFactory(date=month(2), kind="accompagnement_structure", duration_minutes=45)
    entry.structures.set([mission])
    entry.save()
    entry = JournalEntryFactory(date=month(0) + datetime.timedelta(days=10), duration_minutes=20)
    entry.promeneurs.set([people[0]])
    entry.save()
    JournalEntryFactory(date=month(13), kind="comite", duration_minutes=90)
    return {"north": north, "south": south, "mjc": mjc, "mission": mission, "people": people}


def in_scope(promeneur, territory=None, structure=None):
    if structure and promeneur.structure_id != structure.pk:
        return False
    if territory:
        here = promeneur.structure and promeneur.structure.territory_id == territory.pk
        return here or territory in promeneur.territories.all()
    return True


def computed_here(start, end, territory=None, structure=None):
    """The figures, from the objects, in Python."""
    grids = [
        g
        for g in ActivityGrid.objects.select_related("promeneur__structure").prefetch_related(
            "network_activities", "themes", "promeneur__territories"
        )
        if g.status == "transmise" and start <= g.month <= end and in_scope(g.promeneur, territory, structure)
    ]
    rows = [row for g in grids for row in g.network_activities.all()]
    by_network = {}
    for row in rows:
        totals = by_network.setdefault(row.get_network_display(), [0, 0, 0])
        totals[0] += row.messages
        totals[1] += row.young_people
        totals[2] += row.new_young_people
    by_theme = {theme.name: 0 for theme in Theme.objects.all()}
    for g in grids:
        for theme in g.themes.all():
            by_theme[theme.name] += 1
    by_month = {m: [0, 0] for m in months_between(start, end)}
    for g in grids:
        by_month[g.month][0] += 1
        by_month[g.month][1] += sum(r.young_people for r in g.network_activities.all())
    expected = 0
    for p in Promeneur.objects.all():
        if not in_scope(p, territory, structure) or not (p.is_active or p.exit_date):
            continue
        for m in months_between(start, min(end, LAST)):
            next_month = add_months(m, 1)
            if (p.entry_date is None or p.entry_date < next_month) and (p.exit_date is None or p.exit_date >= m):
                expected += 1
    journal = {}
    end_day = add_months(end, 1) - datetime.timedelta(days=1)
    for entry in CoordinationJournalEntry.objects.prefetch_related("promeneurs", "structures"):
        concerned = not (territory or structure) or any(
            in_scope(p, territory, structure) for p in entry.promeneurs.all()
        )
        concerned = concerned or any(
            (structure and s.pk == structure.pk) or (territory and s.territory_id == territory.pk)
            for s in entry.structures.all()
        )
        if start <= entry.date <= end_day and concerned:
            journal[entry.get_kind_display()] = journal.get(entry.get_kind_display(), 0) + 1
    return {
        "grids_received": len(grids),
        "grids_expected": expected,
        "active_promeneurs": len({g.promeneur_id for g in grids}),
        "hours_online": round(sum(g.hours_per_week for g in grids) * 52 / 12),
        "messages": sum(r.messages for r in rows),
        "young_people": sum(r.young_people for r in rows),
        "new_young_people": sum(r.new_young_people for r in rows),
        "by_network": {k: tuple(v) for k, v in by_network.items()},
        "by_theme": by_theme,
        "by_month": {m: tuple(v) for m, v in by_month.items()},
        "journal": journal,
    }


def shown_on_dashboard(figures):
    return {
        **{
            key: figures[key]
            for key in (
                "grids_received",
                "grids_expected",
                "active_promeneurs",
                "hours_online",
                "messages",
                "young_people",
                "new_young_people",
            )
        },
        "by_network": {
            r["label"]: (r["messages"], r["young_people"], r["new_young_people"]) for r in figures["by_network"]
        },
        "by_theme": {r["label"]: r["grids"] for r in figures["by_theme"]},
        "by_month": {r["month"]: (r["grids"], r["young_people"]) for r in figures["by_month"]},
        "journal": {r["label"]: r["count"] for r in figures["journal_by_kind"]},
    }


PERIODS = {
    "twelve months": (month(11), month(0)),
    "one month": (month(3), month(3)),
    "a quarter, across the departure": (month(6), month(4)),
    "including the current month": (month(2), current_month()),
}


@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("where", [None, "north", "mjc", "mission"])
def test_dashboard_figures_equal_figures_computed_independently(client_as, network, period, where):
    start, end = PERIODS[period]
    filters = {"start": f"{start:%Y-%m}", "end": f"{end:%Y-%m}"}
    territory = structure = None
    if where == "north":
        territory = network["north"]
        filters["territory"] = territory.pk
    elif where:
        structure = network[where]
        filters["structure"] = structure.pk
    response = client_as("coordination").get(DASHBOARD, filters)
    assert response.status_code == 200
    shown = shown_on_dashboard(response.context["figures"])
    expected = computed_here(start, end, territory, structure)
    assert shown == expected
    assert expected["grids_received"] > 0 or period == "including the current month"


def test_dashboard_query_count_does_not_grow_with_the_number_of_grids(client_as, network):
    client = client_as("coordination")
    filters = {"start": f"{month(13):%Y-%m}", "end": f"{month(0):%Y-%m}", "territory": network["north"].pk}
    client.get(DASHBOARD, filters)  # warm caches (content types, site)
    with CaptureQueriesContext(connection) as small:
        client.get(DASHBOARD, filters)
    for index in range(3):
        extra = PromeneurFactory(structure=network["mjc"])
        for offset in range(14):
            grid = ActivityGridFactory(promeneur=extra, month=month(offset))
            NetworkActivityFactory(grid=grid)
            grid.themes.set(Theme.objects.all()[: 1 + index])
    years()  # read again once after the writes, which forget it (stats.first_day_with_figures)
    with CaptureQueriesContext(connection) as large:
        response = client.get(DASHBOARD, filters)
    assert response.context["figures"]["grids_received"] > 42
    assert len(large) == len(small), [q["sql"][:120] for q in large.captured_queries]


def test_dashboard_draws_each_chart_with_its_table(client_as, network):
    body = html.unescape(client_as("coordination").get(DASHBOARD).content.decode())
    for chart_id in ("graphique-mois", "graphique-grilles", "graphique-reseaux", "graphique-thematiques"):
        assert f'<svg class="chart" id="{chart_id}" role="img" aria-labelledby="{chart_id}-title"' in body
    for caption in ("Chiffres par mois", "Chiffres par réseau social", "Grilles par thématique abordée"):
        assert re.search(rf"<caption( id=\"[\w-]+\")?>{caption}</caption>", body)
    assert "<script" not in body.split("Tableau de bord de l'activité", 2)[-1].split("</main>")[0]


def test_bad_filters_get_a_french_message_next_to_the_field(client_as, network):
    client = client_as("coordination")
    response = client.get(DASHBOARD, {"start": f"{month(1):%Y-%m}", "end": f"{month(5):%Y-%m}"})
    body = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert 'id="id_end_error"><li>Le mois de fin doit suivre le mois de début.' in body
    assert f'value="{month(1):%Y-%m}"' in body  # what was typed is kept
    response = client.get(DASHBOARD, {"end": "2999-01"})
    assert "Ce mois n'est pas encore commencé" in html.unescape(response.content.decode())
    response = client.get(DASHBOARD, {"start": "n'importe quoi", "structure": "999999"})
    body = html.unescape(response.content.decode())
    assert response.status_code == 400 and "Indiquez un mois sous la forme AAAA-MM" in body


def test_only_the_coordination_sees_the_dashboard_even_with_admin_access(client, network):
    editors = Group.objects.create(name="Rédaction")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = UserFactory(username="redacteur")
    editor.groups.add(editors)
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    for address in (DASHBOARD, "/admin/activite/rapport/", "/admin/activite/grilles/?export=csv"):
        assert client.get(address).status_code in (302, 403), address
    assert "/admin/activite/" not in client.get("/admin/").content.decode()


def export_rows(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return response, content


def test_grids_export_to_csv_and_xlsx_for_a_period(client_as, network):
    client = client_as("coordination")
    grid = ActivityGrid.objects.filter(month=month(2), status="transmise").first()
    grid.difficulties = '=HYPERLINK("http://example.org")'
    grid.save()
    params = {"month_from": month(2).isoformat(), "month_to": month(1).isoformat(), "structure": network["mjc"].pk}
    in_period = ActivityGrid.objects.filter(
        month__gte=month(2), month__lte=month(1), promeneur__structure=network["mjc"]
    )
    response, content = export_rows(client, "/admin/activite/grilles/", {**params, "export": "csv"})
    assert "text/csv" in response["Content-Type"]
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == in_period.count() > 0
    assert {row["Structure"] for row in rows} == {"MJC Nord"}
    first = next(
        row for row in rows if row["Mois"] == f"{grid.month:%d/%m/%Y}" and row["Promeneur"] == grid.promeneur.full_name
    )
    instagram = grid.network_activities.get(network="instagram")
    assert first["Instagram : messages"] == str(instagram.messages)
    assert first["Jeunes accompagnés (tous réseaux)"] == str(sum(r.young_people for r in grid.network_activities.all()))
    if grid.promeneur.structure == network["mjc"]:
        assert first["Difficultés"].startswith("'=")

    response, content = export_rows(client, "/admin/activite/grilles/", {**params, "export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet.max_row == in_period.count() + 1
    assert sheet.cell(1, 1).value == "Promeneur"


def test_journal_exports_to_csv_and_xlsx_for_a_period(client_as, network):
    client = client_as("coordination")
    start, end = month(2), month(0) + datetime.timedelta(days=27)
    params = {"date_from": start.isoformat(), "date_to": end.isoformat()}
    expected = CoordinationJournalEntry.objects.filter(date__gte=start, date__lte=end).count()
    _response, content = export_rows(client, "/admin/activite/journal/", {**params, "export": "csv"})
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == expected == 3
    assert {row["Type d'action"] for row in rows} >= {"Rencontre ou formation", "Accompagnement d'une structure"}
    _response, content = export_rows(client, "/admin/activite/journal/", {**params, "export": "xlsx"})
    assert openpyxl.load_workbook(io.BytesIO(content)).active.max_row == expected + 1


def test_the_journal_is_quick_to_fill_in_the_admin(client_as, network):
    client = client_as("coordination")
    response = client.post(
        "/admin/activite/journal/new/",
        {
            "date": f"{LAST:%Y-%m-%d}",
            "kind": "accueil",
            "medium": "presentiel",
            "duration_minutes": "45",
            "promeneurs": [network["people"][0].pk],
            "notes": "Présentation de la charte.",
        },
    )
    assert response.status_code == 302
    entry = CoordinationJournalEntry.objects.get(kind="accueil")
    assert entry.author.username == "coordination" and list(entry.promeneurs.all()) == [network["people"][0]]
    response = client.post(
        "/admin/activite/journal/new/",
        {"date": "2999-01-01", "kind": "accueil", "medium": "presentiel", "duration_minutes": "-3"},
    )
    body = html.unescape(response.content.decode())
    assert "la date est dans le futur" in body
    assert CoordinationJournalEntry.objects.filter(kind="accueil").count() == 1


def test_yearly_report_is_a_printable_page_with_figures_and_charts(client_as, network):
    response = client_as("coordination").get("/admin/activite/rapport/", {"annee": LAST.year})
    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert f"rapport d'évaluation {LAST.year}" in body and "@media print" in body
    assert body.count('<svg class="chart"') >= 4
    figures = response.context["figures"]
    expected = computed_here(datetime.date(LAST.year, 1, 1), min(datetime.date(LAST.year, 12, 1), current_month()))
    assert figures["young_people"] == expected["young_people"]


def test_committees_see_aggregated_figures_but_no_promeneur_and_no_grid(client_as, network):
    ActivityGrid.objects.filter(status="transmise").update(difficulties="Texte individuel confidentiel")
    response = client_as("pilotage").get("/comites/chiffres-cles/", {"annee": LAST.year})
    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    year_start = datetime.date(LAST.year, 1, 1)
    expected = computed_here(year_start, min(datetime.date(LAST.year, 12, 1), current_month()))
    assert response.context["figures"]["young_people"] == expected["young_people"]
    assert f"<dd>{expected['young_people']}</dd>" in body
    for promeneur in Promeneur.objects.all():
        assert not re.search(rf"\b{re.escape(promeneur.full_name)}\b", body)
    assert "Texte individuel confidentiel" not in body and "/espace/mon-activite/grilles/" not in body
    assert client_as("promeneur").get("/comites/chiffres-cles/").status_code == 403


def test_figures_read_the_french_way_with_thousands_grouped(client_as, network):
    NetworkActivity.objects.filter(grid__month=LAST).update(messages=3000)
    response = client_as("pilotage").get("/comites/chiffres-cles/", {"annee": LAST.year})
    body = html.unescape(response.content.decode())
    messages = response.context["figures"]["messages"]
    assert messages >= 3000
    grouped = f"{messages:,}".replace(",", "\xa0")
    assert f"<dd>{grouped}</dd>" in body
    assert f"<dd>{messages}</dd>" not in body


def test_grids_of_a_deleted_promeneur_stay_as_anonymous_counts(client_as, network):
    client = client_as("coordination")
    before = client.get(DASHBOARD).context["figures"]
    person = network["people"][3]
    grids = person.activity_grids.count()
    assert client.post(f"/admin/snippets/directory/promeneur/delete/{person.pk}/").status_code == 302
    assert not Promeneur.objects.filter(pk=person.pk).exists()
    assert ActivityGrid.objects.filter(promeneur=None).count() == grids
    after = client.get(DASHBOARD).context["figures"]
    for key in ("grids_received", "young_people", "messages", "hours_online"):
        assert after[key] == before[key], key
    _response, content = export_rows(client, "/admin/activite/grilles/", {"export": "csv"})
    assert "Promeneur supprimé" in content.decode("utf-8-sig")
    orphan = ActivityGrid.objects.filter(promeneur=None).first()
    assert "Promeneur supprimé" in client.get(f"/espace/mon-activite/grilles/{orphan.pk}/").content.decode()


def test_the_first_day_with_figures_is_read_on_a_database_without_limit_in_union(network, monkeypatch):
    # SQLite, the quick start's database, refuses a LIMIT inside a UNION: /comites/chiffres-cles/ was a 500.
    monkeypatch.setattr(connection.features, "supports_slicing_ordering_in_compound", False)
    cache.delete(FIRST_DAY_KEY)
    assert first_day_with_figures() is not None
