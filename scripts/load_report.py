"""The two reports of scripts/load-test.sh.

load_report.py STATS.csv FAILURES.csv        locust's summary: requests/s, percentiles, errors
load_report.py --throughput HOST SECONDS URL…   requests/s of each URL alone (wrk, 8 connections);
                                             /espace/… as a logged-in promeneur (a session made here)
"""

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

PERCENTILES = ("50%", "90%", "95%", "99%", "100%")


def read_csv(path):
    with Path(path).open(encoding="utf-8") as rows:
        return list(csv.DictReader(rows))


def summary(stats_path, failures_path):
    rows = read_csv(stats_path)
    if not rows:
        sys.exit("locust n'a rien mesuré (voir son journal).")
    print(f"{'adresse':<48} {'requêtes':>8} {'erreurs':>7} {'req/s':>6} " + " ".join(f"{p:>6}" for p in PERCENTILES))
    for row in rows:
        name = "TOTAL" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"
        print(
            f"{name[:48]:<48} {row['Request Count']:>8} {row['Failure Count']:>7} {float(row['Requests/s']):>6.1f} "
            + " ".join(f"{row[p]:>6}" for p in PERCENTILES)
        )
    print("(temps en ms)")
    for failure in read_csv(failures_path) if Path(failures_path).exists() else []:
        print(f"ERREUR {failure['Method']} {failure['Name']} ×{failure['Occurrences']} : {failure['Error']}")


def member_cookie():
    """A session of a promeneur of the scale data, as the site's own session engine stores it."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.filter(username__startswith="echelle-").order_by("pk").first())
    return f"sessionid={client.cookies['sessionid'].value}"


def throughput(host, seconds, urls):
    cookie = member_cookie()
    for url in urls:
        headers = ["-H", "X-Forwarded-Proto: https"]
        if url.startswith("/espace/"):
            headers += ["-H", f"Cookie: {cookie}"]
        result = subprocess.run(
            ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", *headers, host + url],
            capture_output=True,
            text=True,
            check=True,
        )
        rate = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1)
        p50 = re.search(r"50%\s+(\S+)", result.stdout).group(1)
        p99 = re.search(r"99%\s+(\S+)", result.stdout).group(1)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
        refused = errors.group(1) if errors else 0
        print(f"{url:<40} {float(rate):>8.1f} req/s   médiane {p50:>8}   p99 {p99:>8}   non-2xx {refused}")


if __name__ == "__main__":
    if sys.argv[1] == "--throughput":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workspace.settings.production")
        throughput(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        summary(sys.argv[1], sys.argv[2])
