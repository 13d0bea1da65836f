"""What the benchmark scripts (scripts/bench_*.py) share: Django set up from the project's root,
and an address asked again and again for its server time and its SQL queries.

A script imports this module first and calls ``setup()`` before its own Django imports.
"""

import os
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup(settings="workspace.settings.test"):
    """Django set up with ``settings`` (unless DJANGO_SETTINGS_MODULE names others), the project importable."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()


def timed_get(client, address, runs, data=None, before_each=None, **extra):
    """Ask ``address`` once to warm up (renditions, per-process caches), then ``runs`` times, calling
    ``before_each`` first if given: (milliseconds of each run, SQL queries of the last one, its
    response). Every answer must be a 200."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    client.get(address, data, **extra)
    timings = []
    for _ in range(runs):
        if before_each:
            before_each()
        # With DEBUG on (development settings) the query log is capped: count from an empty one.
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(address, data, **extra)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (address, response.status_code)
    return timings, len(queries), response


def coordinator_client():
    """A test client logged in as a new coordination account, "bench-coordination" (create it in a
    transaction the script rolls back)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    user = get_user_model().objects.create(username="bench-coordination")
    user.groups.add(Group.objects.get(name="Coordination"))
    client = Client()
    client.force_login(user)
    return client


def member_client(user):
    """A test client logged in as ``user``, who has accepted the current charter (else every page of
    the members' space would answer with a redirect to the charter)."""
    from django.test import Client

    from network.coordination.models.charter import CharterVersion, accept

    version = CharterVersion.current()
    if version is not None:
        accept(user, version)
    client = Client()
    client.force_login(user)
    return client
