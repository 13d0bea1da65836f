"""Response times and SQL query counts of the shared space's listings, search and feeds.

Run against a database holding the demo content (``python manage.py load_demo``):
    DATABASE_URL=postgres://… python scripts/bench_resources.py [repetitions]
Prints, per address: median and slowest time in milliseconds, and the number of queries.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workspace.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

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
        client.get(address)
        timings = []
        for _ in range(repetitions):
            start = time.perf_counter()
            response = client.get(address)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (address, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(address)
        label = address if "/flux/" not in address else "/flux/<clé>/"
        print(f"{label:<45} {statistics.median(timings):>10.1f} {max(timings):>8.1f} {len(queries):>9}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
