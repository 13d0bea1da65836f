"""The year's evaluation checked the way an auditor would: a small network with its edge cases (a
promeneur who left mid-year and was anonymised, a grid reopened then sent again, a draft never sent,
a reopened grid left open, grids on both sides of the year's boundaries, a structure with two
promeneurs, an event with no-shows, cancellations and a waiting list, a committee-only event), its
figures computed here in plain Python and compared with the dashboard, the yearly report and the
exports."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.utils import timezone

from network.activity.models import ActivityGrid
from network.activity.models.grids import add_months, current_month, months_between
from network.directory.models import Promeneur
from network.directory.privacy import anonymise_promeneur
from network.events.models import Event
from tests.factories import (
    ActivityGridFactory,
    EventFactory,
    JournalEntryFactory,
    NetworkActivityFactory,
    PromeneurFactory,
    RegistrationFactory,
    StructureFactory,
    TerritoryFactory,
    UserFactory,
)

DASHBOARD = "/admin/activite/"
REPORT = "/admin/activite/rapport/"
YEAR = current_month().year - 1


def at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def grid(promeneur, month, status="transmise", young_people=5, messages=20):
    sent = timezone.now() if status == "transmise" else None
    made = ActivityGridFactory(promeneur=promeneur, month=month, status=status, hours_per_week=3, submitted_at=sent)
    NetworkActivityFactory(grid=made, messages=messages, young_people=young_people, new_young_people=1)
    return made


@pytest.fixture
def year_network(users):
    territory = TerritoryFactory(name="Conflent")
    mjc = StructureFactory(name="MJC de Prades", territory=territory)
    mission = StructureFactory(name="Mission locale", territory=territory)
    first = PromeneurFactory(structure=mjc, entry_date=datetime.date(YEAR - 1, 1, 1))
    second = PromeneurFactory(structure=mjc, entry_date=datetime.date(YEAR - 1, 1, 1))
    leaver = PromeneurFactory(
        structure=mission, entry_date=datetime.date(YEAR - 1, 6, 1), user=UserFactory(role="promeneur")
    )
    # Came after the year: in post now, not during the year.
    newcomers = [PromeneurFactory(structure=mission, entry_date=datetime.date(YEAR + 1, 1, 5)) for _ in range(2)]

    # The year's boundaries: December before, January and December of the year, January after.
    grid(first, datetime.date(YEAR - 1, 12, 1), young_people=100)
    grid(first, datetime.date(YEAR, 1, 1), young_people=7)
    grid(first, datetime.date(YEAR, 12, 1), young_people=11)
    grid(first, datetime.date(YEAR + 1, 1, 1), young_people=100)
    # Reopened by the coordination, then sent again: counted once.
    corrected = grid(first, datetime.date(YEAR, 3, 1), young_people=9)
    corrected.reopen()
    corrected.submit()
    corrected.save()
    grid(first, datetime.date(YEAR, 4, 1), status="brouillon", young_people=50)  # never sent
    grid(second, datetime.date(YEAR, 2, 1), young_people=4)
    reopened = grid(second, datetime.date(YEAR, 6, 1), young_people=40)
    reopened.reopen()  # left open: not a figure until sent again
    for month in range(1, 6):
        grid(leaver, datetime.date(YEAR, month, 1), young_people=3)

    # A training with every case of registration, a committee-only meeting, and what is not held.
    training = EventFactory(
        kind="formation", start=at(datetime.date(YEAR, 3, 10)), end=at(datetime.date(YEAR, 3, 10), 17)
    )
    RegistrationFactory(event=training, user=first.user, attended=True)
    RegistrationFactory(event=training, user=second.user, attended=False)  # a no-show
    RegistrationFactory(event=training, user=leaver.user, attended=True)
    RegistrationFactory(event=training, user=UserFactory(role="pilotage"))  # attendance not marked
    RegistrationFactory(event=training, user=UserFactory(role="promeneur"), status="annulee")
    RegistrationFactory(event=training, user=UserFactory(role="promeneur"), status="attente")
    committee = EventFactory(
        kind="comite",
        audience="comite",
        committee="Comité de pilotage",
        start=at(datetime.date(YEAR, 10, 2)),
        end=at(datetime.date(YEAR, 10, 2), 12),
    )
    RegistrationFactory(event=committee, user=users["pilotage"], attended=True)
    cancelled = EventFactory(
        kind="formation", start=at(datetime.date(YEAR, 5, 4)), end=at(datetime.date(YEAR, 5, 4), 12)
    )
    RegistrationFactory(event=cancelled, user=first.user, attended=True)
    Event.objects.filter(pk=cancelled.pk).update(is_cancelled=True)
    before = EventFactory(
        kind="formation", start=at(datetime.date(YEAR - 1, 12, 31), 20), end=at(datetime.date(YEAR - 1, 12, 31), 23)
    )
    RegistrationFactory(event=before, user=first.user, attended=True)

    accounts = {p.user_id: p for p in Promeneur.objects.exclude(user=None)}
    # Left mid-year, anonymised: the year's grids and attendance stay counted.
    leaver.is_active = False
    leaver.exit_date = datetime.date(YEAR, 6, 15)
    leaver.save()
    anonymise_promeneur(leaver)
    return {
        "mjc": mjc,
        "mission": mission,
        "territory": territory,
        "leaver": leaver,
        "newcomers": newcomers,
        "accounts": accounts,
    }


def in_year(day):
    return day.year == YEAR


def expected_grid_figures(structure=None):
    """The year's grid figures from the objects, in Python."""
    promeneurs = [p for p in Promeneur.objects.all() if structure is None or p.structure_id == structure.pk]
    ids = {p.pk for p in promeneurs}
    grids = [
        g for g in ActivityGrid.objects.all() if g.status == "transmise" and in_year(g.month) and g.promeneur_id in ids
    ]
    rows = [row for g in grids for row in g.network_activities.all()]
    in_post = expected = 0
    for p in promeneurs:
        if p.is_active or p.exit_date:
            for month in months_between(datetime.date(YEAR, 1, 1), datetime.date(YEAR, 12, 1)):
                entered = p.entry_date is None or p.entry_date < add_months(month, 1)
                expected += entered and (p.exit_date is None or p.exit_date >= month)
        started = p.entry_date is None or p.entry_date <= datetime.date(YEAR, 12, 31)
        still_there = p.exit_date is None or p.exit_date >= datetime.date(YEAR, 1, 1)
        in_post += (p.is_active or p.exit_date is not None) and started and still_there
    return {
        "grids_received": len(grids),
        "grids_expected": expected,
        "active_promeneurs": len({g.promeneur_id for g in grids}),
        "promeneurs_in_post": in_post,
        "young_people": sum(r.young_people for r in rows),
        "messages": sum(r.messages for r in rows),
    }


def expected_event_figures(accounts, structure=None):
    """The year's events from the objects, in Python. ``accounts``: {user pk: promeneur}, as they
    were before the leaver's departure detached their account."""
    counted_users = {pk for pk, p in accounts.items() if structure is None or p.structure_id == structure.pk}
    events = confirmed = present = absent = unmarked = 0
    present_people, trained = set(), set()
    for event in Event.objects.prefetch_related("registrations"):
        if event.is_cancelled or not in_year(timezone.localtime(event.end).date()) or event.end >= timezone.now():
            continue
        rows = [
            r
            for r in event.registrations.all()
            if r.status == "confirmee" and (structure is None or r.user_id in counted_users)
        ]
        if structure is not None and not rows:
            continue
        events += 1
        confirmed += len(rows)
        present += sum(r.attended is True for r in rows)
        absent += sum(r.attended is False for r in rows)
        unmarked += sum(r.attended is None for r in rows)
        for r in rows:
            if r.attended and r.user_id in counted_users:
                present_people.add(r.user_id)
                if event.kind == "formation":
                    trained.add(r.user_id)
    return {
        "events": events,
        "confirmed": confirmed,
        "present": present,
        "absent": absent,
        "unmarked": unmarked,
        "promeneurs_present": len(present_people),
        "promeneurs_trained": len(trained),
    }


def shown_events(events):
    total = events["total"]
    return {
        **{key: total[key] for key in ("events", "confirmed", "present", "absent", "unmarked")},
        "promeneurs_present": events["promeneurs_present"],
        "promeneurs_trained": events["promeneurs_trained"],
    }


def shown(figures):
    return {key: figures[key] for key in expected_grid_figures()}


def test_the_years_grid_figures_equal_those_computed_here(client_as, year_network):
    client = client_as("coordination")
    dashboard = client.get(DASHBOARD, {"start": f"{YEAR}-01", "end": f"{YEAR}-12"})
    report = client.get(REPORT, {"annee": YEAR})
    assert dashboard.status_code == report.status_code == 200
    expected = expected_grid_figures()
    # first: Jan, Mar (sent again), Dec; second: Feb; the leaver: January to May.
    assert expected["grids_received"] == 9
    # first and second: twelve months each; the leaver: January to June; the role's promeneur: twelve.
    assert expected["grids_expected"] == 42
    assert shown(dashboard.context["figures"]) == expected
    assert shown(report.context["figures"]) == expected
    mission = client.get(
        DASHBOARD, {"start": f"{YEAR}-01", "end": f"{YEAR}-12", "structure": year_network["mission"].pk}
    )
    assert shown(mission.context["figures"]) == expected_grid_figures(year_network["mission"])


def test_promeneurs_in_post_are_those_of_the_year_not_of_today(client_as, year_network):
    """The leaver was in post during the year, the newcomers were not: « 3 promeneurs actifs (… en
    poste) » of a past year counts who was in post then."""
    figures = client_as("coordination").get(REPORT, {"annee": YEAR}).context["figures"]
    # first, second, the leaver, and the role fixture's promeneur (no dates, active).
    assert figures["promeneurs_in_post"] == expected_grid_figures()["promeneurs_in_post"] == 4
    mission = client_as("coordination").get(
        DASHBOARD, {"start": f"{YEAR}-01", "end": f"{YEAR}-12", "structure": year_network["mission"].pk}
    )
    assert mission.context["figures"]["promeneurs_in_post"] == 1  # the leaver, not the newcomers


def test_the_years_events_count_the_leavers_attendance(client_as, year_network):
    """The training: first present, second absent, the leaver present, a committee member unmarked;
    a cancellation and the waiting list are not counted; the committee's meeting is held too."""
    client = client_as("coordination")
    expected = expected_event_figures(year_network["accounts"])
    assert expected == {
        "events": 2,
        "confirmed": 5,
        "present": 3,
        "absent": 1,
        "unmarked": 1,
        "promeneurs_present": 2,
        "promeneurs_trained": 2,
    }
    report = client.get(REPORT, {"annee": YEAR})
    assert shown_events(report.context["figures"]["events"]) == expected
    assert report.context["figures"]["events"]["total"]["rate"] == 75
    mission = year_network["mission"]
    dashboard = client.get(DASHBOARD, {"start": f"{YEAR}-01", "end": f"{YEAR}-12", "structure": mission.pk})
    assert shown_events(dashboard.context["figures"]["events"]) == expected_event_figures(
        year_network["accounts"], mission
    )
    assert dashboard.context["figures"]["events"]["promeneurs_trained"] == 1


def test_the_promeneurs_anonymised_before_get_their_former_account_back(year_network):
    """The migration that brought ``former_user`` finds the account of those who left before it."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("network.directory.migrations.0006_promeneur_former_user")
    leaver = year_network["leaver"]
    account = leaver.former_user
    assert account is not None and account.username == f"ancien-promeneur-{leaver.pk}"
    Promeneur.objects.filter(pk=leaver.pk).update(former_user=None)
    migration.find_former_accounts(apps, None)
    leaver.refresh_from_db()
    assert leaver.former_user == account and leaver.user is None


def read_csv(response):
    content = response.content
    assert content.startswith("\ufeff".encode())  # French Excel reads the accents right
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def read_xlsx(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.mark.parametrize("where", [None, "mjc", "territory"])
def test_the_dashboards_grid_exports_hold_the_grids_it_counts(client_as, year_network, where):
    """« Grilles de la période » sums in Excel to the dashboard's figures: no draft, no reopened grid."""
    client = client_as("coordination")
    filters = {"start": f"{YEAR}-01", "end": f"{YEAR}-12"}
    if where:
        filters["structure" if where == "mjc" else "territory"] = year_network[where].pk
    dashboard = client.get(DASHBOARD, filters)
    figures = dashboard.context["figures"]
    links = dict(dashboard.context["exports"])
    grid_links = [url for label, url in links.items() if label.startswith("Grilles")]
    assert len(grid_links) == 2
    csv_rows = read_csv(client.get(grid_links[0]))
    assert len(csv_rows) == figures["grids_received"] > 0
    assert {row["État"] for row in csv_rows} == {"Transmise"}
    assert sum(int(row["Jeunes accompagnés (tous réseaux)"]) for row in csv_rows) == figures["young_people"]
    assert sum(int(row["Messages (tous réseaux)"]) for row in csv_rows) == figures["messages"]
    xlsx_rows = read_xlsx(client.get(grid_links[1]))
    assert len(xlsx_rows) == figures["grids_received"]
    assert sum(row["Jeunes accompagnés (tous réseaux)"] for row in xlsx_rows) == figures["young_people"]
    for row in xlsx_rows:
        assert isinstance(row["Mois"], datetime.datetime) and row["Mois"].year == YEAR
        assert isinstance(row["Heures en ligne par semaine"], (int, float))
        assert isinstance(row["Transmise le"], datetime.datetime)


def entry(day, structures=(), promeneurs=()):
    made = JournalEntryFactory(date=day)
    made.structures.set(structures)
    made.promeneurs.set(promeneurs)
    made.save()  # a cluster's relations are written with it


@pytest.mark.parametrize("where", ["mjc", "territory"])
def test_the_dashboards_journal_exports_hold_the_actions_it_counts(client_as, year_network, where):
    """A structure's or a territory's « Journal de la période » holds the actions its figures count:
    those naming it (or one of its structures) or one of its promeneurs."""
    mjc, mission = year_network["mjc"], year_network["mission"]
    first = Promeneur.objects.filter(structure=mjc).first()
    entry(datetime.date(YEAR, 2, 3), structures=[mjc])
    entry(datetime.date(YEAR, 4, 8), promeneurs=[first])  # its promeneur only
    entry(datetime.date(YEAR, 5, 9), structures=[mission])
    entry(datetime.date(YEAR, 6, 1))  # the whole network's
    entry(datetime.date(YEAR + 1, 1, 1), structures=[mjc])  # the next year
    client = client_as("coordination")
    filters = {"start": f"{YEAR}-01", "end": f"{YEAR}-12"}
    filters["structure" if where == "mjc" else "territory"] = year_network[where].pk
    dashboard = client.get(DASHBOARD, filters)
    count = dashboard.context["figures"]["journal_count"]
    assert count == (2 if where == "mjc" else 3)
    journal_links = [url for label, url in dashboard.context["exports"] if label.startswith("Journal")]
    assert len(read_csv(client.get(journal_links[0]))) == count
    assert len(read_xlsx(client.get(journal_links[1]))) == count


def test_the_trainings_attendance_sheet_agrees_with_the_figures(client_as, year_network):
    """The training's registrations as a file: every registration, the attendance as marked, and the
    leaver's row still under their structure (the dashboard counts their training for it)."""
    client = client_as("coordination")
    training = Event.objects.get(kind="formation", start__year=YEAR, is_cancelled=False)
    base = f"/admin/agenda/{training.pk}/inscriptions"
    rows = read_csv(client.get(base + ".csv"))
    assert len(rows) == 6
    confirmed = [row for row in rows if row["Statut"] == "Confirmée"]
    assert [row["Présence"] for row in confirmed].count("Présent") == 2
    assert [row["Présence"] for row in confirmed].count("Absent") == 1
    leaver = year_network["leaver"]
    leaver_row = next(row for row in rows if row["Nom"] == f"ancien-promeneur-{leaver.pk}")
    assert leaver_row["Structure"] == "Mission locale"
    assert [row["Structure"] for row in confirmed].count("MJC de Prades") == 2
    sheet = read_xlsx(client.get(base + ".xlsx"))
    assert len(sheet) == 6 and all(isinstance(row["Inscrit le"], datetime.datetime) for row in sheet)
