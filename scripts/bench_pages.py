"""Every key page of the site as the right role: SQL queries, median and p95 server time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pdn66_bench .venv/bin/python scripts/bench_pages.py [--runs 20]

Reads the database named by DATABASE_URL as it is (demo content after ``load_demo --force``,
national size after ``fill_scale_data``): run it once at each size. Django's test client, in
process, test settings (DEBUG off, local-memory cache, public page cache off: the time is the
page's own work, warm per-process caches). The only rows it writes are the sessions of the
clients it logs in. A database that holds real people is refused unless --force.
The dashboard is also measured over the last 5 years (issue 14: p95 under 300 ms).
"""

import argparse
import statistics
import sys

import benchlib

benchlib.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from home.scale import real_promeneurs  # noqa: E402
from network.directory.models import Promeneur  # noqa: E402
from resources.exchanges.models.discussions import Discussion  # noqa: E402
from tests.pages import ADMIN_KEY_PAGES, KEY_PAGES  # noqa: E402
from workspace.accounts.roles import COORDINATION  # noqa: E402


def key_pages():
    """(role, name, address) of every key page: the list the query budgets test (tests/pages.py)."""
    return [
        (role, name, address() if callable(address) else address)
        for role, address, name in (*KEY_PAGES, *ADMIN_KEY_PAGES)
    ]


def clients():
    User = get_user_model()
    # The promeneur with the most grids: "my activity" shows their history.
    promeneur = (
        User.objects.filter(promeneur__isnull=False, is_active=True, groups__name="Promeneurs")
        .annotate(grids=Count("promeneur__activity_grids"))
        .order_by("-grids", "pk")
        .first()
    )
    coordinator = User.objects.filter(groups__name=COORDINATION, is_superuser=False, is_active=True).first()
    logged = {"anonymous": Client()}
    for role, user in (("promeneur", promeneur), ("coordination", coordinator)):
        client = Client()
        client.force_login(user)
        logged[role] = client
    return logged


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(client, address, runs):
    timings, queries, _response = benchlib.timed_get(client, address, runs)
    return queries, statistics.median(timings), percentile(timings, 0.95)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--force", action="store_true", help="Mesure même une base qui contient de vraies données.")
    args = parser.parse_args()
    if real_promeneurs() and not args.force:
        sys.exit(
            "Cette base contient des promeneurs qui ne viennent ni de la démonstration ni de fill_scale_data : "
            "mesurez sur une base jetable (ou --force)."
        )
    setup_test_environment()
    logged = clients()
    grids = connection.cursor()
    grids.execute("SELECT count(*) FROM activity_activitygrid")
    print(
        f"{Promeneur.objects.count()} promeneurs, {grids.fetchone()[0]} grilles, "
        f"{Discussion.objects.count()} discussions ; {args.runs} requêtes par adresse"
    )
    print(f"| {'rôle':<12} | {'page':<32} | {'adresse':<40} | requêtes | médiane (ms) | p95 (ms) |")
    print(f"|{'-' * 14}|{'-' * 34}|{'-' * 42}|---------:|-------------:|---------:|")
    for role, label, address in key_pages():
        queries, median, p95 = measure(logged[role], address, args.runs)
        shown = address if len(address) <= 40 else address[:37] + "…"
        print(f"| {role:<12} | {label:<32} | {shown:<40} | {queries:>8} | {median:>12.0f} | {p95:>8.0f} |")


if __name__ == "__main__":
    main()
