"""The network's monthly totals (network/activity/totals.py): the dashboard of the whole network
reads them, and shows exactly the figures the grids themselves give, after any write to a grid."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.activity.models import ActivityGrid, LedAction, MonthlyTotals, NetworkActivity
from network.activity.models.grids import add_months, current_month, previous_month
from network.activity.stats import Scope, figures
from network.directory.models import Theme
from tests.factories import (
    ActivityGridFactory,
    NetworkActivityFactory,
    PromeneurFactory,
    StructureFactory,
    TerritoryFactory,
)

pytestmark = pytest.mark.django_db

LAST = previous_month()
NETWORKS = ("instagram", "discord", "snapchat", "tiktok")


def month(offset):
    return add_months(LAST, -offset)


@pytest.fixture
def grids(users):
    """Six promeneurs over three years: drafts, reopened grids, themes, actions, rows on up to three
    networks, a promeneur who arrived late, one who left, one deleted (their grids stay)."""
    territory = TerritoryFactory(name="Territoire Ouest")
    structures = [StructureFactory(name=f"Structure {n}", territory=territory) for n in range(3)]
    themes = list(Theme.objects.order_by("pk"))
    people = [PromeneurFactory(structure=structures[n % 3]) for n in range(6)]
    for index, promeneur in enumerate(people):
        for offset in range(38):
            if (index * 7 + offset) % 9 == 0 or (index == 4 and offset > 20) or (index == 3 and offset < 10):
                continue
            step = (index * 5 + offset) % 11
            status = {0: "brouillon", 1: "rouverte"}.get(step, "transmise")
            grid = ActivityGridFactory(
                promeneur=promeneur,
                month=month(offset),
                status=status,
                hours_per_week=Decimal(index + offset % 6) / 2 + Decimal("0.5"),
            )
            grid.themes.set(themes[(index + offset) % 5 : (index + offset) % 5 + 1 + offset % 3])
            for number, network in enumerate(NETWORKS[: 1 + (index + offset) % 3]):
                young = (index + 2 * offset + number) % 13
                NetworkActivityFactory(
                    grid=grid,
                    network=network,
                    messages=3 * young + number,
                    young_people=young,
                    new_young_people=young // 3,
                )
            if (index + offset) % 4 == 0:
                LedAction.objects.create(grid=grid, title="Atelier", young_people_reached=index + offset)
    people[5].delete()  # their grids stay, without a promeneur
    return {"people": people[:5], "structures": structures, "themes": themes}


SCOPES = {
    "twelve months": (month(11), month(0)),
    "five years": (add_months(LAST, -59), LAST),
    "one month": (month(7), month(7)),
    "a year and a half, long ago": (month(36), month(19)),
    "with the current month": (month(2), current_month()),
}


def both(start, end):
    """The whole network's figures read from the monthly totals, and summed from the grids."""
    scope = Scope(start, end)
    return figures(scope), figures(scope, from_grids=True)


def assert_same_figures(start, end):
    from_totals, from_grids = both(start, end)
    assert from_totals == from_grids
    return from_totals


def test_the_monthly_totals_give_the_figures_of_the_grids(grids):
    for period, (start, end) in SCOPES.items():
        shown = assert_same_figures(start, end)
        assert shown["grids_received"] > 0 or period == "with the current month"
        # They were read from the totals, now up to date over the period.
        assert not MonthlyTotals.objects.filter(stale=True, month__gte=start, month__lte=end).exists()


def change_structure(data):
    promeneur = data["people"][0]
    promeneur.structure = data["structures"][2]
    promeneur.save()


def submit_a_new_grid(data):
    grid = ActivityGridFactory(promeneur=data["people"][3], month=month(3), status="brouillon", hours_per_week=7)
    grid.themes.set(data["themes"][:2])
    NetworkActivityFactory(grid=grid, network="tiktok", messages=9, young_people=4, new_young_people=1)
    grid.submit()
    grid.save()


def reopen_a_grid(data):
    ActivityGrid.objects.filter(status="transmise", month=month(2)).first().reopen()


def resubmit_a_reopened_grid(data):
    grid = ActivityGrid.objects.filter(status="rouverte").first()
    grid.hours_per_week += 3
    grid.submit()
    grid.save()


def delete_a_grid(data):
    ActivityGrid.objects.filter(status="transmise", month=month(5)).first().delete()


def move_a_grid_to_another_month(data):
    grid = ActivityGrid.objects.filter(status="transmise", month=month(4)).exclude(promeneur=None).first()
    taken = ActivityGrid.objects.filter(promeneur=grid.promeneur).values_list("month", flat=True)
    grid.month = next(month(offset) for offset in range(60) if month(offset) not in taken)
    grid.save()


def edit_a_row_by_network(data):
    row = NetworkActivity.objects.filter(grid__status="transmise", grid__month=month(1)).first()
    row.young_people += 10
    row.save()


def add_an_action(data):
    grid = ActivityGrid.objects.filter(status="transmise", month=month(6)).first()
    LedAction.objects.create(grid=grid, title="Forum", young_people_reached=30)


def change_the_themes(data):
    ActivityGrid.objects.filter(status="transmise", month=month(8)).first().themes.set(data["themes"][3:])


def add_grids_to_a_theme(data):
    data["themes"][0].activity_grids.add(*ActivityGrid.objects.filter(status="transmise", month=month(9))[:3])


def delete_a_theme(data):
    data["themes"][1].delete()


def delete_a_promeneur(data):
    data["people"][1].delete()


WRITES = [
    change_structure,
    submit_a_new_grid,
    reopen_a_grid,
    resubmit_a_reopened_grid,
    delete_a_grid,
    move_a_grid_to_another_month,
    edit_a_row_by_network,
    add_an_action,
    change_the_themes,
    add_grids_to_a_theme,
    delete_a_theme,
    delete_a_promeneur,
]


def test_the_monthly_totals_follow_every_write_to_a_grid(grids):
    """One write after the other, each read back at once from the totals of the months it touched."""
    period = SCOPES["five years"]
    before = assert_same_figures(*period)  # read: every month up to date
    for write in WRITES:
        write(grids)
        from_totals, from_grids = both(*period)
        assert from_totals == from_grids, write.__name__
        if write not in (change_structure, delete_a_promeneur, delete_a_theme):
            assert from_totals != before, f"{write.__name__} leaves the figures as they were: a stale month would pass"
        before = from_totals


def test_the_dashboard_shows_the_figures_of_the_grids_and_reads_the_totals_once_up_to_date(client_as, grids):
    client = client_as("coordination")
    start, end = SCOPES["five years"]
    filters = {"start": f"{start:%Y-%m}", "end": f"{end:%Y-%m}"}
    client.get("/admin/activite/", filters)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/activite/", filters)
    shown = response.context["figures"]
    expected = figures(Scope(start, end), from_grids=True)
    assert {**shown, "events": None, "scope": None} == {**expected, "events": None, "scope": None}
    tables = [q["sql"] for q in queries.captured_queries]
    assert not any('"activity_networkactivity"' in sql or '"activity_ledaction"' in sql for sql in tables)


def test_a_territory_or_a_structure_is_summed_from_its_grids_by_the_same_rule(grids):
    """A promeneur who changed structure counts, with all their grids, in the one they are in now."""
    change_structure(grids)
    moved = grids["people"][0]
    scope = Scope(*SCOPES["five years"], structure=grids["structures"][2])
    shown = figures(scope)
    assert (
        shown["grids_received"]
        == ActivityGrid.objects.filter(
            status="transmise", promeneur__structure=grids["structures"][2], month__gte=scope.start
        ).count()
    )
    assert ActivityGrid.objects.filter(promeneur=moved, status="transmise").exists()


def test_grids_written_behind_the_signals_back_are_counted_after_the_rebuild_command(grids):
    period = SCOPES["twelve months"]
    assert_same_figures(*period)
    promeneur = grids["people"][2]
    new = ActivityGrid.objects.bulk_create(
        [
            ActivityGrid(promeneur=promeneur, month=add_months(LAST, 1 - offset), status="transmise")
            for offset in (60, 61)
        ]
    )
    new += ActivityGrid.objects.bulk_create(
        [ActivityGrid(promeneur=PromeneurFactory(), month=month(0), status="transmise")]
    )
    from_totals, from_grids = both(*period)
    assert from_totals["grids_received"] == from_grids["grids_received"] - 1  # not seen: bulk_create
    call_command("rebuild_activity_totals", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert_same_figures(*period)
    assert MonthlyTotals.objects.filter(month=new[0].month, grids=1, stale=False).exists()
