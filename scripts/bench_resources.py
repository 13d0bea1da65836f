"""Response times and SQL query counts of the shared space's listings, search and feeds.

Run against a database holding the demo content (``python manage.py load_demo``):
    DATABASE_URL=postgres://… python scripts/bench_resources.py [repetitions]
Prints, per address: median and slowest time in milliseconds, and the number of queries.
"""

import statistics
import sys

import benchlib

benchlib.setup("workspace.settings.dev")

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402

from resources.library.feeds import FEEDS_PURPOSE  # noqa: E402
from workspace.accounts.roles import PROMENEURS  # noqa: E402
from workspace.accounts.tokens import SecretToken  # noqa: E402


def main(repetitions=20):
    member = get_user_model().objects.filter(groups__name=PROMENEURS, is_active=True).first()
    if member is None:
        sys.exit("Aucun promeneur : chargez d'abord le contenu de démonstration (manage.py load_demo).")
    client = Client(HTTP_HOST="localhost")
    client.force_login(member)
    key = SecretToken.for_user(member, FEEDS_PURPOSE).key
    addresses = [
        "/espace/ressources/",
        "/espace/ressources/?categorie=formation",
        "/espace/veille/",
        "/espace/actualites/",
        "/publications/",
        "/recherche/?q=formations",
        "/recherche/?q=harcèlement&type=ressources",
        "/publications/rss/",
        f"/flux/{key}/",
    ]
    print(f"{'adresse':<45} {'médiane ms':>10} {'max ms':>8} {'requêtes':>9}")
    for address in addresses:
        timings, queries, _response = benchlib.timed_get(client, address, repetitions)
        label = address if "/flux/" not in address else "/flux/<clé>/"
        print(f"{label:<45} {statistics.median(timings):>10.1f} {max(timings):>8.1f} {queries:>9}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
