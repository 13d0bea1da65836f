"""The cockpit costs the same number of queries at demo size and with 300 promeneurs x 3 years."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.activity.models import ActivityGrid
from tests.cockpit_data import load_network
from tests.test_cockpit_activity import HOME, block, text

pytestmark = pytest.mark.django_db


def test_the_cockpit_query_count_does_not_grow_with_the_network(client_as, django_assert_num_queries):
    client = client_as("coordination")
    load_network(12, 1, "demo")
    client.get(HOME)  # warm up (content types, site root…)
    with CaptureQueriesContext(connection) as demo:
        body = text(client.get(HOME))
    # Every block has something to show: each one's count and first items are measured.
    for name in ("support-requests", "missing-grids", "reported-messages", "changed-profiles", "upcoming-events"):
        assert "cockpit-block__items" in block(body, name)

    load_network(300, 3, "grand")
    assert ActivityGrid.objects.count() > 300 * 36 - 60
    with django_assert_num_queries(len(demo)):
        body = text(client.get(HOME))
    # One in ten of each network without last month's grid, and Lucie (the role user) without any.
    assert 'aria-label="33 éléments"' in block(body, "missing-grids")
