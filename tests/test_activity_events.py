"""Trainings and events held, and attendance, on the dashboard, the yearly report and the committees' page.

The expected figures are recomputed here in plain Python from the event and
registration objects, independently of the database aggregations.
"""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network.activity.models.grids import add_months, current_month, previous_month
from network.activity.stats import years
from network.directory.models import Promeneur
from network.events.models import Event
from tests.factories import (
    EventFactory,
    PromeneurFactory,
    RegistrationFactory,
    StructureFactory,
    TerritoryFactory,
    UserFactory,
)

DASHBOARD = "/admin/activite/"
LAST = previous_month()
KINDS = ["formation", "rencontre", "analyse", "formation", "echange"]


def month(offset):
    return add_months(LAST, -offset)


def at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def add_event(day, kind, people, outsider=None, cancelled=False, index=0):
    """An event on ``day``; each promeneur registered with a status and attendance varying with ``index``."""
    event = EventFactory(kind=kind, start=at(day), end=at(day, 12))
    for number, promeneur in enumerate(people):
        step = (index + number) % 6
        status = "attente" if step == 5 else ("annulee" if step == 4 else "confirmee")
        attended = {0: True, 1: True, 2: False, 3: None}.get(step)
        RegistrationFactory(event=event, user=promeneur.user, status=status, attended=attended)
    if outsider:
        RegistrationFactory(event=event, user=outsider, attended=index % 2 == 0)
    if cancelled:
        Event.objects.filter(pk=event.pk).update(is_cancelled=True)
    return event


@pytest.fixture
def events(users):
    north, south = TerritoryFactory(name="Territoire Nord"), TerritoryFactory(name="Territoire Sud")
    mjc = StructureFactory(name="MJC Nord", territory=north)
    mission = StructureFactory(name="Mission locale Sud", territory=south)
    people = [
        PromeneurFactory(structure=mjc, user=UserFactory(first_name="Aurore", last_name="Delmas", role="promeneur")),
        PromeneurFactory(structure=mjc, user=UserFactory(first_name="Bastien", last_name="Ferrer", role="promeneur")),
        PromeneurFactory(structure=mission, user=UserFactory(first_name="Chloé", last_name="Garcia", role="promeneur")),
        PromeneurFactory(
            structure=mission, user=UserFactory(first_name="Djamel", last_name="Sanchez", role="promeneur")
        ),
    ]
    people[3].territories.add(north)  # works in the north although employed in the south
    outsider = UserFactory(first_name="Odile", last_name="Partenaire", role="pilotage")
    for offset in range(14):
        kind = KINDS[offset % len(KINDS)]
        group = people if offset % 3 else people[2:]
        add_event(
            month(offset) + datetime.timedelta(days=9), kind, group, outsider if offset % 4 == 0 else None, index=offset
        )
    # Not held: cancelled, or still to come, or without anyone registered.
    add_event(month(1) + datetime.timedelta(days=3), "formation", people, outsider, cancelled=True)
    add_event(timezone.localdate() + datetime.timedelta(days=2), "formation", people)
    EventFactory(
        kind="forum", start=at(month(2) + datetime.timedelta(days=5)), end=at(month(2) + datetime.timedelta(days=5), 18)
    )
    # Starts before the period's first month, ends on its first day: counted in that month.
    event = EventFactory(kind="rencontre", start=at(month(5) - datetime.timedelta(days=1), 20), end=at(month(5), 2))
    RegistrationFactory(event=event, user=people[0].user, attended=True)
    return {"north": north, "mjc": mjc, "mission": mission, "people": people, "outsider": outsider}


def in_scope(promeneur, territory=None, structure=None):
    if promeneur is None:
        return not (territory or structure)
    if structure and promeneur.structure_id != structure.pk:
        return False
    if territory:
        return promeneur.structure.territory_id == territory.pk or territory in promeneur.territories.all()
    return True


def computed_here(start, end, territory=None, structure=None):
    """The figures, from the objects, in Python."""
    filtered = bool(territory or structure)
    by_user = {p.user_id: p for p in Promeneur.objects.select_related("structure").prefetch_related("territories")}
    first = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    after = timezone.make_aware(datetime.datetime.combine(add_months(end, 1), datetime.time.min))
    now = timezone.now()
    rows, trained, present_people = {}, set(), set()
    for event in Event.objects.prefetch_related("registrations"):
        if event.is_cancelled or not (first <= event.end < after and event.end < now):
            continue
        counted = [
            r
            for r in event.registrations.all()
            if r.status == "confirmee" and (not filtered or in_scope(by_user.get(r.user_id), territory, structure))
        ]
        if filtered and not counted:
            continue
        row = rows.setdefault(event.get_kind_display(), [0, 0, 0, 0, 0])
        row[0] += 1
        row[1] += len(counted)
        row[2] += sum(1 for r in counted if r.attended is True)
        row[3] += sum(1 for r in counted if r.attended is False)
        row[4] += sum(1 for r in counted if r.attended is None)
        for r in counted:
            if r.attended and r.user_id in by_user:
                present_people.add(r.user_id)
                if event.kind == "formation":
                    trained.add(r.user_id)
    total = [sum(values) for values in zip(*rows.values(), strict=True)] if rows else [0] * 5
    return {
        "by_kind": {label: tuple(values) for label, values in rows.items()},
        "total": tuple(total),
        "trainings": tuple(rows.get("Formation", [0] * 5)),
        "rate": round(100 * total[2] / (total[2] + total[3])) if total[2] + total[3] else None,
        "promeneurs_trained": len(trained),
        "promeneurs_present": len(present_people),
    }


def row_values(row):
    return (row["events"], row["confirmed"], row["present"], row["absent"], row["unmarked"])


def shown(events):
    return {
        "by_kind": {row["label"]: row_values(row) for row in events["by_kind"]},
        "total": row_values(events["total"]),
        "trainings": row_values(events["trainings"]),
        "rate": events["total"]["rate"],
        "promeneurs_trained": events["promeneurs_trained"],
        "promeneurs_present": events["promeneurs_present"],
    }


PERIODS = {
    "twelve months": (month(11), month(0)),
    "one month": (month(3), month(3)),
    "a quarter": (month(7), month(5)),
    "including the current month": (month(2), current_month()),
}


@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("where", [None, "north", "mjc", "mission"])
def test_event_figures_equal_figures_computed_independently(client_as, events, period, where):
    start, end = PERIODS[period]
    filters = {"start": f"{start:%Y-%m}", "end": f"{end:%Y-%m}"}
    territory = structure = None
    if where == "north":
        territory = events["north"]
        filters["territory"] = territory.pk
    elif where:
        structure = events[where]
        filters["structure"] = structure.pk
    response = client_as("coordination").get(DASHBOARD, filters)
    assert response.status_code == 200
    expected = computed_here(start, end, territory, structure)
    assert shown(response.context["figures"]["events"]) == expected
    if where is None or period == "twelve months":
        assert expected["total"][0] > 0
    if period == "twelve months":
        assert expected["total"][2] > 0 and expected["total"][3] > 0 and expected["total"][4] > 0


def test_the_dashboard_draws_the_event_charts_with_their_table(client_as, events):
    response = client_as("coordination").get(DASHBOARD, {"start": f"{month(11):%Y-%m}", "end": f"{month(0):%Y-%m}"})
    body = html.unescape(response.content.decode())
    for chart_id in ("graphique-evenements", "graphique-presence"):
        assert f'<svg class="chart" id="{chart_id}" role="img" aria-labelledby="{chart_id}-title"' in body
    assert '<caption id="tableau-evenements">Événements tenus et présence par type</caption>' in body
    total = response.context["figures"]["events"]["total"]
    assert (
        f'<th scope="row">Tous les événements</th><td>{total["events"]}</td><td>{total["confirmed"]}</td>'
        f"<td>{total['present']}</td><td>{total['absent']}</td><td>{total['unmarked']}</td>"
        f"<td>{total['rate']} %</td>"
    ) in body


def test_event_figures_cost_the_same_queries_whatever_the_number_of_events(client_as, events):
    client = client_as("coordination")
    filters = {"start": f"{month(13):%Y-%m}", "end": f"{month(0):%Y-%m}", "territory": events["north"].pk}
    client.get(DASHBOARD, filters)  # warm caches (content types, site)
    with CaptureQueriesContext(connection) as small:
        before = client.get(DASHBOARD, filters).context["figures"]["events"]
    extra = [PromeneurFactory(structure=events["mjc"]) for _ in range(5)]
    for offset in range(14):
        for kind in ("formation", "analyse", "forum"):
            add_event(month(offset) + datetime.timedelta(days=15), kind, extra + events["people"], index=offset)
    years()  # read again once after the writes, which forget it (stats.first_day_with_figures)
    with CaptureQueriesContext(connection) as large:
        after = client.get(DASHBOARD, filters).context["figures"]["events"]
    assert after["total"]["events"] >= before["total"]["events"] + 40
    assert after["total"]["confirmed"] > before["total"]["confirmed"] + 150
    assert len(large) == len(small), [q["sql"][:120] for q in large.captured_queries]


def test_the_yearly_report_shows_the_events_of_the_year(client_as, events):
    response = client_as("coordination").get("/admin/activite/rapport/", {"annee": LAST.year})
    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    expected = computed_here(datetime.date(LAST.year, 1, 1), min(datetime.date(LAST.year, 12, 1), current_month()))
    assert shown(response.context["figures"]["events"]) == expected
    assert 'id="graphique-evenements"' in body and "Formations et événements tenus, présence" in body


def test_committees_see_the_events_aggregated_without_any_participant_name(client_as, events):
    response = client_as("pilotage").get("/comites/chiffres-cles/", {"annee": LAST.year})
    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    expected = computed_here(datetime.date(LAST.year, 1, 1), min(datetime.date(LAST.year, 12, 1), current_month()))
    assert shown(response.context["figures"]["events"]) == expected
    assert f"<dt>Événements tenus</dt><dd>{expected['total'][0]}</dd>" in body
    assert f"<dt>Promeneurs formés</dt><dd>{expected['promeneurs_trained']}</dd>" in body
    assert 'id="graphique-presence"' in body
    names = [p.full_name for p in Promeneur.objects.all()] + ["Odile", "Partenaire", "Aurore", "Delmas", "Sanchez"]
    for name in names:
        assert not re.search(rf"\b{re.escape(name)}\b", body), name
    for event in Event.objects.all():
        assert event.title not in body
