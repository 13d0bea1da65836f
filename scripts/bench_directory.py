"""Time the directory listings with many promeneurs (prints numbers; changes nothing).

    DATABASE_URL=postgres://... python scripts/bench_directory.py --size 300 --runs 20

The promeneurs are created inside a transaction that is rolled back at the end.
"""

import argparse
import statistics

import benchlib


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    benchlib.setup()
    from django.db import transaction
    from django.test import Client
    from django.test.utils import setup_test_environment

    from network.directory.models import Promeneur
    from tests.factories import UserFactory
    from tests.test_directory_queries import populate

    setup_test_environment()
    with transaction.atomic():
        populate(args.size)
        member = UserFactory(username="bench-promeneur", role="promeneur")
        anonymous, logged_in = Client(), benchlib.member_client(member)
        print(f"{Promeneur.objects.count()} promeneurs, {args.runs} requêtes par adresse")
        for client, address in (
            (anonymous, "/annuaire/"),
            (anonymous, "/annuaire/?reseau=instagram&territoire=zone-1"),
            (anonymous, f"/annuaire/promeneur-{args.size}-42/"),
            (logged_in, "/espace/annuaire/"),
            (logged_in, "/espace/relais/"),
        ):
            timings, queries, _response = benchlib.timed_get(client, address, args.runs)
            print(
                f"{address:<50} médiane {statistics.median(timings):6.1f} ms  "
                f"max {max(timings):6.1f} ms  {queries} requêtes SQL"
            )
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
