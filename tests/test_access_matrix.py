"""Who gets what, address by address: the product's privacy promise as one table.

The rows live in tests/access/<area>.py (see tests/access/__init__.py for the
expectations); this test gathers them all and asks each address as each role.
"""

import importlib
import pkgutil

import pytest
from django.db import transaction

import tests.access
from tests.access import ROLES
from tests.factories import role_users

AREAS = [
    importlib.import_module(f"tests.access.{module.name}") for module in pkgutil.iter_modules(tests.access.__path__)
]
MATRIX = [row for area in AREAS for row in area.ROWS]


@pytest.fixture(scope="module")
def matrix_data(django_db_setup, django_db_blocker):
    """The users and every area's objects, made once for the module in a transaction rolled
    back at its end; each test runs in a savepoint of it, so what a test changes is undone
    before the next row."""
    with django_db_blocker.unblock(), transaction.atomic():
        users = role_users()
        objects = {}
        for area in AREAS:
            if hasattr(area, "make_objects"):
                objects.update(area.make_objects())
        yield users, objects
        transaction.set_rollback(True)


@pytest.fixture
def users(matrix_data, db):
    return matrix_data[0]


@pytest.fixture
def site_objects(matrix_data, db):
    return matrix_data[1]


def answer_matches(response, expected):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    body = content.decode(errors="replace")
    location = response.get("Location", "")
    if expected.startswith("shows:"):
        return response.status_code == 200 and expected[6:] in body
    if expected.startswith("hides:"):
        return expected[6:] not in body
    if expected == "login":
        return response.status_code == 302 and location.startswith("/connexion/?next=")
    if expected == "admin-login":
        return response.status_code == 302 and location.startswith("/admin/login/")
    return response.status_code == int(expected)


@pytest.mark.parametrize(("address", "expectations"), MATRIX, ids=[f"{i}:{a}" for i, (a, _) in enumerate(MATRIX)])
def test_access_matrix(client_as, site_objects, address, expectations):
    address = address.format(**site_objects)
    wrong = []
    for role in ROLES:
        response = client_as(role).get(address)
        if not answer_matches(response, expectations[role]):
            wrong.append(
                f"{role}: expected {expectations[role]!r}, got {response.status_code} {response.get('Location', '')}"
            )
    assert not wrong, f"{address}\n" + "\n".join(wrong)


def test_every_role_has_an_expectation():
    for address, expectations in MATRIX:
        assert set(expectations) == set(ROLES), address
