import os

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made
# by the same tests are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a test's rolled-back rows must not survive in the
    cached menus, restrictions or group memberships of the next one."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def page_cache():
    """The public pages' cache switched on (the test settings leave it off), empty before and after."""
    from django.core.cache import caches
    from django.test import override_settings

    caches["pages"].clear()
    with override_settings(WAGTAIL_CACHE=True):
        yield
    caches["pages"].clear()


@pytest.fixture
def users(db):
    from tests.factories import role_users

    return role_users()


@pytest.fixture
def client_as(client, users):
    """``client_as("promeneur")`` is the test client logged in with that role."""

    def login(role):
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        return client

    return login
