"""Benchmark of the evaluation dashboard: 100 promeneurs x 5 years of monthly grids.

    DATABASE_URL=postgres://… python scripts/bench_dashboard.py [--promeneurs 100] [--years 5]

Loads the grids (and, each month, three events with registrations and attendance)
into the database named by DATABASE_URL inside a transaction that is rolled back at
the end (nothing stays), then asks the dashboard as the coordination and prints its
response time (median of several runs) and its number of SQL queries, at a small
size and at the full size: the query count must not move.
The last column is the query count of the "events held and attendance" block alone.
"""

import argparse
import datetime
import random
import statistics

import benchlib

benchlib.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from network.activity.models import ActivityGrid, CoordinationJournalEntry, LedAction, NetworkActivity  # noqa: E402
from network.activity.models.grids import add_months, previous_month  # noqa: E402
from network.activity.stats import Scope, event_figures  # noqa: E402
from network.directory.models import Promeneur, Structure, Territory, Theme  # noqa: E402
from network.events.models import Event, Registration  # noqa: E402

NETWORKS = ("instagram", "snapchat", "tiktok", "discord", "facebook")
RUNS = 5


def load(promeneurs, years, rng, prefix):
    territories = [Territory.objects.create(name=f"{prefix} territoire {i}") for i in range(5)]
    structures = [
        Structure.objects.create(name=f"{prefix} structure {i}", territory=territories[i % 5]) for i in range(20)
    ]
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"bench-{prefix}-{i}") for i in range(promeneurs)
    )
    people = Promeneur.objects.bulk_create(
        Promeneur(
            user=users[i],
            first_name="Bench",
            last_name=f"{prefix}{i}",
            slug=f"bench-{prefix}-{i}",
            structure=structures[i % 20],
            entry_date=datetime.date(2015, 1, 1),
        )
        for i in range(promeneurs)
    )
    months = [add_months(previous_month(), -offset) for offset in range(12 * years)]
    grids = ActivityGrid.objects.bulk_create(
        ActivityGrid(promeneur=p, month=m, status="transmise", hours_per_week=rng.randint(2, 8))
        for p in people
        for m in months
    )
    NetworkActivity.objects.bulk_create(
        NetworkActivity(
            grid=g, network=network, messages=rng.randint(0, 80), young_people=rng.randint(0, 15), new_young_people=0
        )
        for g in grids
        for network in rng.sample(NETWORKS, 3)
    )
    theme_ids = list(Theme.objects.values_list("pk", flat=True))
    Through = ActivityGrid.themes.through
    Through.objects.bulk_create(
        Through(activitygrid_id=g.pk, theme_id=t) for g in grids for t in rng.sample(theme_ids, 3)
    )
    LedAction.objects.bulk_create(
        LedAction(grid=g, title="Atelier", young_people_reached=rng.randint(5, 20)) for g in grids[::3]
    )
    CoordinationJournalEntry.objects.bulk_create(
        CoordinationJournalEntry(date=m + datetime.timedelta(days=d), kind="rencontre", duration_minutes=60)
        for m in months
        for d in range(0, 28, 4)
    )
    load_events(months, users, rng)
    return len(grids), territories[0]


def load_events(months, users, rng):
    """Three events a month (one training), each with up to 12 registrations, attendance marked or not."""
    events = Event.objects.bulk_create(
        Event(
            title=f"Bench {kind} {m:%Y-%m}",
            kind=kind,
            start=timezone.make_aware(datetime.datetime.combine(m + datetime.timedelta(days=day), datetime.time(9))),
            end=timezone.make_aware(datetime.datetime.combine(m + datetime.timedelta(days=day), datetime.time(12))),
        )
        for m in months
        for day, kind in ((3, "formation"), (12, "rencontre"), (20, "analyse"))
    )
    Registration.objects.bulk_create(
        Registration(
            event=event,
            user=user,
            status=rng.choice(("confirmee", "confirmee", "confirmee", "attente", "annulee")),
            attended=rng.choice((True, True, False, None)),
        )
        for event in events
        for user in rng.sample(users, min(12, len(users)))
    )


def event_block_queries(start, end, territory):
    with CaptureQueriesContext(connection) as queries:
        event_figures(Scope(start, end, territory=territory))
    return len(queries)


def measure(client, params):
    timings, queries, _response = benchlib.timed_get(client, "/admin/activite/", RUNS, params, HTTP_HOST="localhost")
    return statistics.median(timings), queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--promeneurs", type=int, default=100)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(66)
    with transaction.atomic():
        client = benchlib.coordinator_client()
        last = previous_month()
        sizes = [(10, 1, "petit"), (args.promeneurs, args.years, "grand")]
        print(
            f"{'taille':<40} {'grilles':>8} {'période':<22} {'filtre':<12} {'ms (médiane)':>12} "
            f"{'requêtes':>9} {'dont év.':>9}"
        )
        total = 0
        for promeneurs, years, prefix in sizes:
            count, territory = load(promeneurs, years, rng, prefix)
            total += count
            label = f"+ {promeneurs} promeneurs x {years} an(s)"
            for period, start in (("12 derniers mois", add_months(last, -11)), ("5 ans", add_months(last, -59))):
                for filter_label, extra in (("aucun", {}), ("territoire", {"territory": territory.pk})):
                    params = {"start": f"{start:%Y-%m}", "end": f"{last:%Y-%m}", **extra}
                    ms, queries = measure(client, params)
                    events = event_block_queries(start, last, territory if extra else None)
                    print(
                        f"{label:<40} {total:>8} {period:<22} {filter_label:<12} {ms:>12.0f} {queries:>9} {events:>9}"
                    )
        transaction.set_rollback(True)
    print("Données de test annulées (transaction).")


if __name__ == "__main__":
    main()
