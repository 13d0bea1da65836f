"""Time and count the SQL queries of the exchange list and of a discussion with 100 replies.

    DATABASE_URL=postgres://… python scripts/bench_exchanges.py [--discussions 500] [--replies 100]

Everything is created inside a transaction that is rolled back: the database is left as it was.
"""

import argparse
import statistics

import benchlib

benchlib.setup("workspace.settings.dev")

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import transaction  # noqa: E402

from resources.exchanges.models.discussions import Category, Discussion, Message  # noqa: E402


class Rollback(Exception):
    pass


def measure(client, url, runs=15):
    timings, queries, _response = benchlib.timed_get(client, url, runs, HTTP_HOST="localhost")
    return queries, statistics.median(timings)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--discussions", type=int, default=500)
    parser.add_argument("--replies", type=int, default=100)
    args = parser.parse_args()
    try:
        with transaction.atomic():
            User = get_user_model()
            members = Group.objects.get(name="Promeneurs")
            authors = [
                User.objects.create(username=f"bench-{i}", first_name="Bench", last_name=str(i)) for i in range(10)
            ]
            for author in authors:
                author.groups.add(members)
            categories = Category.values
            discussions = Discussion.objects.bulk_create(
                Discussion(title=f"Discussion {i}", category=categories[i % len(categories)], author=authors[i % 10])
                for i in range(args.discussions)
            )
            Message.objects.bulk_create(
                Message(discussion=d, author=d.author, is_opening=True, body="Ouverture", body_html="<p>Ouverture</p>")
                for d in discussions
            )
            big = discussions[0]
            for i in range(args.replies):
                Message.objects.create(discussion=big, author=authors[i % 10], body=f"Réponse **{i}**")
            client = benchlib.member_client(authors[0])
            for label, url in (
                (f"liste des échanges ({args.discussions} discussions)", "/espace/echanges/"),
                (f"discussion avec {args.replies} réponses", f"/espace/echanges/{big.pk}/"),
            ):
                queries, median = measure(client, url)
                print(f"{label:45} {queries:3d} requêtes SQL   médiane {median:6.1f} ms")
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
