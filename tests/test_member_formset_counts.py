"""A member's formset whose row count was tampered with (``…-TOTAL_FORMS``): the profile's social
networks and the activity grid's two tables. Django believed the count up to 2,000 rows (14 s for
one profile request with 100,000); now no more rows are built than were posted, and the count is
refused in French with nothing written (workspace/security/formsets.py) — a bound, not a timing."""

import html

import pytest

from network.activity.models import ActivityGrid
from network.directory.models import Promeneur
from tests.test_activity_grids import BASE, NETWORKS, grid_data
from tests.test_directory_profile import URL as PROFILE
from tests.test_directory_profile import form_data
from workspace.security.formsets import TAMPERED_COUNT

pytestmark = pytest.mark.django_db

HUGE_COUNTS = ["100000", str(10**9)]


@pytest.fixture
def me(users):
    return Promeneur.objects.get(user=users["promeneur"])


@pytest.mark.parametrize("count", HUGE_COUNTS)
def test_a_profile_announcing_more_networks_than_it_sends_is_refused_in_french(client_as, me, count):
    before = (me.email, list(me.social_profiles.values_list("network", "profile_name")))
    response = client_as("promeneur").post(PROFILE, form_data(me, **{"profils-TOTAL_FORMS": count}))
    assert response.status_code == 200
    assert TAMPERED_COUNT in html.unescape(response.content.decode())
    assert len(response.context["formset"].forms) <= 2  # the rows posted
    me.refresh_from_db()
    assert (me.email, list(me.social_profiles.values_list("network", "profile_name"))) == before


def test_the_profile_form_as_sent_still_saves(client_as, me):
    response = client_as("promeneur").post(PROFILE, form_data(me))
    assert response.status_code == 302
    assert list(me.social_profiles.values_list("network", flat=True)) == ["tiktok"]


@pytest.mark.parametrize("table", ["reseaux", "actions"])
@pytest.mark.parametrize("count", HUGE_COUNTS)
def test_a_grid_announcing_more_rows_than_it_sends_is_refused_in_french(client_as, users, table, count):
    data = grid_data(networks={"instagram": (3, 1, 0)}, actions=[("Live sur le harcèlement", 12)])
    data[f"{table}-TOTAL_FORMS"] = count
    response = client_as("promeneur").post(f"{BASE}nouvelle/", data)
    assert response.status_code == 400
    body = html.unescape(response.content.decode())
    assert TAMPERED_COUNT in body and "1 point à corriger" in body
    editor = response.context["editor"]
    assert len(editor.networks.forms) == len(NETWORKS) and len(editor.actions.forms) == 3
    assert not ActivityGrid.objects.exists()


def test_the_grid_as_sent_still_saves(client_as, users):
    data = grid_data(networks={"instagram": (3, 1, 0)}, actions=[("Live sur le harcèlement", 12)])
    assert client_as("promeneur").post(f"{BASE}nouvelle/", data).status_code == 302
    grid = ActivityGrid.objects.get()
    assert [a.title for a in grid.led_actions.all()] == ["Live sur le harcèlement"]
