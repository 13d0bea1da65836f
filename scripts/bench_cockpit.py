"""Benchmark of the coordinator's cockpit (the admin home): demo size, then 300 promeneurs x 3 years.

    DATABASE_URL=postgres://… python scripts/bench_cockpit.py [--promeneurs 300] [--years 3]

Loads a network (tests/cockpit_data.py: grids, support requests, missing grids, reports, changed
profiles, events) into the database named by DATABASE_URL inside a transaction that is rolled
back at the end (nothing stays), then asks /admin/ as the coordination and prints its response
time (median of several runs) and its number of SQL queries at each size, with its blocks built
(the first visitor after a change) and read from the shared cache (the next ones): the query
counts must not move.
"""

import argparse
import statistics

import benchlib

benchlib.setup()

from django.db import transaction  # noqa: E402

from tests.cockpit_data import load_network  # noqa: E402
from workspace.cockpit.blocks import forget_every_block  # noqa: E402

RUNS = 5


def measure(client, built):
    forget = forget_every_block if built else None
    timings, queries, response = benchlib.timed_get(client, "/admin/", RUNS, before_each=forget, HTTP_HOST="localhost")
    assert b"Ce qui vous attend aujourd" in response.content
    return statistics.median(timings), queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--promeneurs", type=int, default=300)
    parser.add_argument("--years", type=int, default=3)
    args = parser.parse_args()
    with transaction.atomic():
        client = benchlib.coordinator_client()
        print(f"{'taille':<34} {'blocs':<10} {'grilles':>8} {'ms (médiane)':>12} {'requêtes':>9}")
        total = 0
        for promeneurs, years, prefix in ((12, 1, "demo"), (args.promeneurs, args.years, "grand")):
            total += load_network(promeneurs, years, prefix)
            for built in (True, False):
                ms, queries = measure(client, built)
                size, blocks = f"+ {promeneurs} promeneurs x {years} an(s)", "construits" if built else "en cache"
                print(f"{size:<34} {blocks:<10} {total:>8} {ms:>12.0f} {queries:>9}")
        transaction.set_rollback(True)
    print("Données de test annulées (transaction).")


if __name__ == "__main__":
    main()
