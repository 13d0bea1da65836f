"""The cockpit costs the same number of queries at demo size and with 300 promeneurs x 3 years,
whether its blocks are built (the first visitor after a change) or read from the shared cache."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.activity.models import ActivityGrid
from tests.cockpit_data import load_network
from tests.test_cockpit_activity import HOME, block, text
from workspace.cockpit.blocks import cockpit_blocks, forget_every_block

pytestmark = pytest.mark.django_db


def without_tokens(body):
    """The page without its CSRF tokens (masked anew for each response)."""
    return re.sub(r"[A-Za-z0-9]{64}", "", body)


def measure(client):
    """(queries with every block built, queries with every block read from the cache, page)."""
    client.get(HOME)  # warm up (content types, site root, the user's groups…)
    # load_network writes with bulk_create, behind the signals' back; and the blocks are measured built.
    forget_every_block()
    with CaptureQueriesContext(connection) as built:
        body = text(client.get(HOME))
    with CaptureQueriesContext(connection) as cached:
        assert without_tokens(text(client.get(HOME))) == without_tokens(body)
    return len(built), len(cached), body


def test_the_cockpit_query_count_does_not_grow_with_the_network(client_as, rf, users):
    client = client_as("coordination")
    load_network(12, 1, "demo")
    built, cached, body = measure(client)
    # Every block has something to show: each one's count and first items are measured.
    for name in ("support-requests", "missing-grids", "reported-messages", "changed-profiles", "upcoming-events"):
        assert "cockpit-block__items" in block(body, name)
    request = rf.get(HOME)
    request.user = users["coordination"]
    # One query per block (its first items carry the count of all), none once kept; besides, the
    # publishing shortcuts look for the news and watch indexes, the missing grids for the last
    # reminder, the newcomers for the onboarding checklist.
    assert built - cached <= len(cockpit_blocks(request)) + 4
    assert cached <= 15

    load_network(300, 3, "grand")
    assert ActivityGrid.objects.count() > 300 * 36 - 60
    assert measure(client)[:2] == (built, cached)
    body = measure(client)[2]
    # One in ten of each network without last month's grid, and Lucie (the role user) without any.
    assert '33<span class="w-sr-only"> éléments</span>' in block(body, "missing-grids")


def test_the_support_requests_block_reads_its_partial_index(users):
    """The waiting support requests are a few grids among thousands: their query is answered by the
    partial index that matches its filter (activitygrid_support_waiting), oldest first, never by
    scanning every grid. Sequential scans are switched off so that the plan does not depend on the
    few rows of a test database."""
    from django.db import transaction
    from django.db.models import Count, Window

    from network.activity.cockpit import SupportRequestsBlock

    rows = SupportRequestsBlock().get_queryset(None).annotate(cockpit_count=Window(Count("*")))[:8]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = rows.explain()
    assert "activitygrid_support_waiting" in plan and "Sort" not in plan.split("WindowAgg")[0], plan
