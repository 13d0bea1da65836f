import os

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made
# by the same tests are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Under pytest-xdist (scripts/run-tests.sh: -n 2), every test goes to whichever worker is free,
    except the browser tests (tests/browser/), which all run in one worker, one after another: one
    Chromium at a time on a 2-core machine. (xdist's own --dist loadgroup relies on rewriting node
    ids, which pytest 9.2 no longer allows: pytest-xdist issue 1386.)

    The tests are handed out in pytest-django's order, as Django runs them: the tests in a rolled-back
    transaction first, then the transactional ones (browser, concurrency), which empty their worker's
    database when they end, then those without a database. xdist's default would move the largest
    group, the browser tests, first, and leave their worker a database without its migrated rows."""
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return "tests/browser/" if nodeid.startswith("tests/browser/") else nodeid

    config.option.loadscopereorder = False
    return BrowserTestsTogether(config, log)


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
