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
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workspace.settings.test")
warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from tests.cockpit_data import load_network  # noqa: E402
from workspace.cockpit.blocks import forget_every_block  # noqa: E402

RUNS = 5


def measure(client, built):
    client.get("/admin/", HTTP_HOST="localhost")  # warm up
    timings = []
    for _ in range(RUNS):
        if built:
            forget_every_block()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get("/admin/", HTTP_HOST="localhost")
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        assert b"Ce qui vous attend aujourd" in response.content
    return statistics.median(timings) * 1000, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--promeneurs", type=int, default=300)
    parser.add_argument("--years", type=int, default=3)
    args = parser.parse_args()
    with transaction.atomic():
        user = get_user_model().objects.create(username="bench-coordination")
        user.groups.add(Group.objects.get(name="Coordination"))
        client = Client()
        client.force_login(user)
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
