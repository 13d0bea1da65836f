"""Benchmark of the agenda: registrations racing for places, and agenda page cost.

Runs on a scratch database built from the migrations (never on your data):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pdn66 python scripts/bench_events.py
Prints: time for N simultaneous registrations on one event, confirmed/waiting counts,
and the SQL queries and median time of /espace/agenda/ with 10 and 300 events.
"""

import os
import statistics
import threading
import time

import benchlib

benchlib.setup()

from django.db import connection, connections  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

THREADS = int(os.environ.get("BENCH_THREADS", 30))
PLACES = int(os.environ.get("BENCH_PLACES", 10))


def race():
    from network.events import registrations
    from tests.factories import EventFactory, UserFactory

    event = EventFactory(capacity=PLACES)
    members = [UserFactory(role="promeneur") for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)

    def register(user):
        barrier.wait()
        registrations.register(event, user)
        connections.close_all()

    threads = [threading.Thread(target=register, args=(m,)) for m in members]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    statuses = list(event.registrations.values_list("status", flat=True))
    print(
        f"{THREADS} inscriptions simultanées sur {PLACES} places : {elapsed * 1000:.0f} ms, "
        f"{statuses.count('confirmee')} confirmées, {statuses.count('attente')} en liste d'attente"
    )


def agenda_cost():
    from django.test import Client

    from tests.factories import EventFactory, RegistrationFactory, UserFactory

    user = UserFactory(role="promeneur")
    client = Client()
    client.force_login(user)
    created = 0
    for size in (10, 300):
        for i in range(size - created):
            event = EventFactory(audience="public" if i % 2 else "membres", capacity=20)
            RegistrationFactory(event=event, user=user if i % 3 == 0 else UserFactory())
        created = size
        timings, queries, _response = benchlib.timed_get(client, "/espace/agenda/", 20)
        print(
            f"/espace/agenda/ avec {size} événements : {queries} requêtes SQL, "
            f"médiane {statistics.median(timings):.1f} ms"
        )


def main():
    setup_test_environment()
    connection.settings_dict["TEST"]["NAME"] = f"bench_{connection.settings_dict['NAME']}"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        race()
        agenda_cost()
    finally:
        connections.close_all()
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
