"""Who gets what, address by address: the product's privacy promise as one table.

The rows live in tests/access/<area>.py (see tests/access/__init__.py for the
expectations); this test gathers them all and asks each address as each role, posts
where a row says so, and fails when an address of the site has no row.
"""

import types

import pytest
from django.test import override_settings
from django.urls import include, path
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns
from wagtail_modeladmin.options import ModelAdmin

import tests.access
from network.directory.models import Commune
from network.events.views import public_ics
from resources.exchanges.models.pages import ExchangeIndexPage
from tests import matrix_coverage
from tests.access import ROLES, Nobody, Post, in_space, is_refused, is_served, members_only, nobody
from workspace import urls as site_urls

AREAS = tests.access.areas()
MATRIX = [
    (address, expectations, post[0] if post else None) for area in AREAS for address, expectations, *post in area.ROWS
]


@pytest.fixture(scope="module")
def matrix_data(django_db_setup, django_db_blocker):
    """The users and every area's objects, made once for the module in a transaction rolled
    back at its end; each test runs in a savepoint of it, so what a test changes is undone
    before the next row."""
    with django_db_blocker.unblock(), tests.access.matrix_objects(AREAS) as data:
        yield data


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
        return response.status_code == 200 and expected[6:] not in body
    if expected == "login":
        return response.status_code == 302 and location.startswith("/connexion/?next=")
    if expected == "admin-login":
        return response.status_code == 302 and location.startswith("/admin/login/")
    return response.status_code == int(expected)


def wrong_answer(method, role, expected, response):
    return f"{method} {role}: expected {expected!r}, got {response.status_code} {response.get('Location', '')}"


def wrong_posts(client_as, objects, address, post):
    data = post.form(objects)
    wrong = []
    for role in ROLES:
        before = post.snapshot(objects)
        response = client_as(role).post(address, data)
        after = post.snapshot(objects)
        if not answer_matches(response, post.expected[role]):
            wrong.append(wrong_answer("POST", role, post.expected[role], response))
        changed = after != before
        if changed != (role in post.changes_for):
            what = f"changed {before!r} to {after!r}" if changed else f"left {before!r} unchanged"
            wrong.append(f"POST {role}: {what}")
    return wrong


@pytest.mark.parametrize(
    ("address", "expectations", "post"),
    MATRIX,
    ids=[f"{i}:{a}{' POST' if p else ''}" for i, (a, _, p) in enumerate(MATRIX)],
)
def test_access_matrix(client_as, site_objects, address, expectations, post):
    address = address.format(**site_objects)
    wrong = []
    for role in ROLES:
        response = client_as(role).get(address)
        if not answer_matches(response, expectations[role]):
            wrong.append(wrong_answer("GET", role, expectations[role], response))
    if post:
        wrong += wrong_posts(client_as, site_objects, address, post)
    assert not wrong, f"{address}\n" + "\n".join(wrong)


def test_every_role_has_an_expectation():
    for address, expectations, _post in MATRIX:
        assert set(expectations) == set(ROLES), address


def private_but_served_to_nobody(expectations, post):
    """A row that refuses the page to some roles and serves it to none (GET 200, or a POST doing
    what it is for), without saying nobody(): a page answering 404 to everybody is not private."""
    answers = set(expectations.values())
    if isinstance(expectations, Nobody) or len(answers) == 1 or not any(map(is_refused, answers)):
        return False
    return not (any(map(is_served, answers)) or (post and post.changes_for))


def test_a_page_refused_to_some_roles_is_served_to_the_others():
    assert [address for address, expectations, post in MATRIX if private_but_served_to_nobody(expectations, post)] == []


def test_a_private_page_that_nobody_gets_is_caught():
    assert private_but_served_to_nobody({**members_only(), "promeneur": "404", "coordination": "404"}, None)
    assert private_but_served_to_nobody(in_space("405"), None)
    assert not private_but_served_to_nobody(in_space("405"), Post(in_space("302"), len, {}, ("promeneur",)))
    assert not private_but_served_to_nobody(nobody("404"), None)
    assert not private_but_served_to_nobody(members_only(), None)
    with pytest.raises(ValueError):
        members_only("404")


# Coverage: every address of the site has its row.


def matrix_addresses(objects, rows=MATRIX):
    return [address.format(**objects) for address, _expectations, _post in rows]


def test_every_address_of_the_site_has_a_row(site_objects):
    missing = matrix_coverage.uncovered(matrix_addresses(site_objects))
    assert not missing, "Addresses without a row in tests/access/:\n" + "\n".join(missing)
    assert matrix_coverage.stale_exclusions() == []


def test_a_new_url_pattern_without_a_row_is_reported(site_objects):
    urlconf = types.ModuleType("urls_with_one_more_address")
    urlconf.urlpatterns = [path("agenda-en-double.ics", public_ics), *site_urls.urlpatterns]
    with override_settings(ROOT_URLCONF=urlconf):
        assert matrix_coverage.uncovered(matrix_addresses(site_objects)) == ["URL /agenda-en-double.ics (sans nom)"]


def test_a_new_modeladmin_screen_without_a_row_is_reported(site_objects):
    """wagtail-modeladmin's views are methods of the ModelAdmin, in wagtail_modeladmin's module and
    without a namespace: the screens of a model of ours count all the same."""

    class CommuneAdmin(ModelAdmin):
        model = Commune

    screens = decorate_urlpatterns(list(CommuneAdmin().get_admin_urls_for_registration()), require_admin_access)
    urlconf = types.ModuleType("urls_with_one_more_modeladmin")
    urlconf.urlpatterns = [path("admin/", include(screens)), *site_urls.urlpatterns]
    with override_settings(ROOT_URLCONF=urlconf):
        missing = matrix_coverage.uncovered(matrix_addresses(site_objects))
    assert all(label.startswith("URL /admin/directory/commune/") for label in missing), missing
    assert [label.rsplit(" ", 1)[1] for label in missing] == [
        f"(directory_commune_modeladmin_{view})" for view in ("index", "create", "delete", "edit", "history")
    ]


def test_a_new_route_without_a_row_is_reported(site_objects, monkeypatch):
    original = ExchangeIndexPage.get_subpage_urls.__func__

    def with_archives(cls):
        return (*original(cls), path("archives/", ExchangeIndexPage.discussion_list, name="archives"))

    monkeypatch.setattr(ExchangeIndexPage, "get_subpage_urls", classmethod(with_archives))
    assert matrix_coverage.uncovered(matrix_addresses(site_objects)) == [
        "route exchanges.ExchangeIndexPage « archives/ » (archives)"
    ]


def test_a_page_type_without_a_row_is_reported(site_objects):
    rows = [row for row in MATRIX if not row[0].startswith("/espace/formations/")]
    missing = matrix_coverage.uncovered(matrix_addresses(site_objects, rows))
    assert "type de page events.TrainingIndexPage" in missing
    assert "type de page events.TrainingPage" in missing
