"""Query budgets (issue 14): every key page, as the role that uses it, costs the same number of SQL
queries with a little data and with a lot (300 promeneurs, 500 grids, 200 pages of the space,
200 discussions, bulk-created by the same code as ``fill_scale_data``), and at most 15."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.scale import ScaleFiller
from tests.pages import ADMIN_KEY_PAGES, KEY_PAGES

pytestmark = pytest.mark.django_db

BUDGET = 15
SMALL = {"promeneurs": 3, "grids": 6, "pages": 20, "exchanges": 3, "events": 30}
LARGE = {"promeneurs": 300, "grids": 500, "pages": 200, "exchanges": 200, "events": 60}


# (role, address or a function giving it once the data is there)
PAGES = [
    *(pytest.param(role, address, id=name) for role, address, name in KEY_PAGES),
    *(pytest.param(role, address, id=name) for role, address, name in ADMIN_KEY_PAGES),
    # The members' search also looks in their space's pages and records (the anonymous one is in KEY_PAGES).
    pytest.param("promeneur", "/recherche/?q=jeunes", id="recherche-promeneur"),
]


def fill(users, size):
    filler = ScaleFiller(io.StringIO())
    people = filler.directory(size["promeneurs"], relays=size["promeneurs"])
    # The logged-in promeneur has a grid history of its own, longer at the larger size.
    filler.grids([users["promeneur"].promeneur, *people], size["grids"])
    filler.events(people, size["events"])
    filler.exchanges(people, size["exchanges"])
    filler.pages(size["pages"])


def count_queries(client, address):
    address = address() if callable(address) else address
    client.get(address)  # warm the per-process and shared caches, as a second visitor finds them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200, address
    return len(queries)


@pytest.mark.parametrize(("role", "address"), PAGES)
def test_key_page_costs_the_same_few_queries_at_both_sizes(users, client_as, role, address):
    client = client_as(role)
    fill(users, SMALL)
    small = count_queries(client, address)
    fill(users, LARGE)
    large = count_queries(client, address)
    assert small == large, f"{small} requêtes avec peu de données, {large} avec beaucoup"
    assert large <= BUDGET, f"{large} requêtes : plus que le budget de {BUDGET}"
