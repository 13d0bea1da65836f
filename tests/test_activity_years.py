"""The year of the figures (?annee=, /bilan/<year>/): one rule for every page, never a 500; the
years offered run from the first one with figures to the current one."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network.activity.models.grids import current_month
from network.activity.stats import year_scope, years
from tests.factories import ActivityGridFactory, EventFactory, JournalEntryFactory

pytestmark = pytest.mark.django_db

THIS_YEAR = current_month().year
# The first year with figures in these tests (a grid made by the ``first_grid`` fixture).
FIRST_YEAR = 2019
# Longer values than 2,000 characters are refused (400) before any view: workspace/malformed_input.py.
BAD_YEARS = ["abc", "0", "99999", "-1", "", "1990", "2015", str(FIRST_YEAR - 1), str(THIS_YEAR + 1), "9" * 1900]
NOTICE = f"Il n'y a pas de chiffres pour cette année : voici ceux de {THIS_YEAR}."


def held_on(year, hour=10):
    return timezone.make_aware(datetime.datetime(year, 3, 2, hour))


@pytest.fixture
def first_grid(users):
    return ActivityGridFactory(promeneur=users["promeneur"].promeneur, month=datetime.date(FIRST_YEAR, 3, 1))


def test_without_any_figure_only_the_current_year_is_offered():
    assert list(years()) == [THIS_YEAR]
    assert year_scope(str(THIS_YEAR)).end == current_month()
    assert year_scope(str(THIS_YEAR - 1)) is None


def test_the_years_run_from_the_first_submitted_grid_to_the_current_year(first_grid):
    ActivityGridFactory(month=datetime.date(2016, 5, 1), status="brouillon")  # a draft is no figure
    assert list(years()) == list(range(THIS_YEAR, FIRST_YEAR - 1, -1))
    assert year_scope(str(FIRST_YEAR)).start == datetime.date(FIRST_YEAR, 1, 1)
    assert year_scope(FIRST_YEAR).end == datetime.date(FIRST_YEAR, 12, 1)
    assert year_scope(str(THIS_YEAR)).end == current_month()
    for value in [*BAD_YEARS, None, f"{FIRST_YEAR}.5"]:
        assert year_scope(value) is None, value


def test_an_older_journal_entry_or_event_held_opens_its_year(first_grid):
    JournalEntryFactory(date=datetime.date(2018, 6, 1))
    assert years()[-1] == 2018
    EventFactory(start=held_on(2017), end=held_on(2017, 12))
    EventFactory(start=held_on(2016), end=held_on(2016, 12), is_cancelled=True)  # not held: no figure
    assert years()[-1] == 2017


def test_the_years_cost_one_query_then_none_until_a_write(first_grid):
    with CaptureQueriesContext(connection) as queries:
        years()
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        assert years()[-1] == FIRST_YEAR
    assert len(queries) == 0
    first_grid.reopen()  # a reopened grid is no figure until it is submitted again
    assert list(years()) == [THIS_YEAR]
    first_grid.delete()
    ActivityGridFactory(month=datetime.date(2020, 1, 1))
    assert years()[-1] == 2020


def test_the_year_choices_start_at_the_first_year_with_figures(client_as, first_grid):
    for role, address, name in [
        ("pilotage", "/comites/chiffres-cles/", "annee"),
        ("coordination", "/admin/activite/", "annee"),
    ]:
        body = client_as(role).get(address).content.decode()
        select = body.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]
        offered = [int(year) for year in re.findall(r'<option value="(\d+)"', select)]
        assert offered == list(range(THIS_YEAR, FIRST_YEAR - 1, -1)), address


@pytest.mark.parametrize("value", BAD_YEARS)
def test_committees_page_falls_back_to_this_year_with_a_french_notice(client_as, first_grid, value):
    response = client_as("pilotage").get("/comites/chiffres-cles/", {"annee": value})
    assert response.status_code == 200
    assert response.context["year"] == THIS_YEAR
    assert NOTICE in html.unescape(response.content.decode())


def test_committees_page_shows_a_valid_year_without_notice(client_as, first_grid):
    response = client_as("pilotage").get("/comites/chiffres-cles/", {"annee": str(FIRST_YEAR)})
    assert response.context["year"] == FIRST_YEAR
    assert response.context["figures"]["grids_received"] == 1
    assert NOTICE not in html.unescape(response.content.decode())


@pytest.mark.parametrize("value", BAD_YEARS)
def test_yearly_report_falls_back_to_this_year(client_as, first_grid, value):
    response = client_as("coordination").get("/admin/activite/rapport/", {"annee": value})
    assert response.status_code == 200
    assert f"rapport d'évaluation {THIS_YEAR}" in html.unescape(response.content.decode())


@pytest.mark.parametrize("year", ["2014", "0000", str(FIRST_YEAR - 1), str(THIS_YEAR + 1)])
def test_yearly_totals_of_a_year_out_of_range_are_not_found(client_as, first_grid, year):
    assert client_as("promeneur").get(f"/espace/mon-activite/bilan/{year}/").status_code == 404


# French months (issue 15): "de janvier", "d'avril", never "de de janvier" nor "de avril". -------


def test_a_scope_reads_as_french_with_its_elision():
    from network.activity.stats import Scope

    assert Scope(datetime.date(2026, 4, 1), datetime.date(2026, 6, 1)).label == (
        "d'avril 2026 à juin 2026 — tout le département"
    )
    assert Scope(datetime.date(2026, 3, 1), datetime.date(2026, 3, 1)).label == "mars 2026 — tout le département"
    assert Scope(datetime.date(2026, 8, 1), datetime.date(2026, 8, 1)).of_label == "d'août 2026 — tout le département"
    assert Scope(datetime.date(2026, 1, 1), datetime.date(2026, 2, 1)).of_label == (
        "de janvier 2026 à février 2026 — tout le département"
    )


def test_the_yearly_report_names_its_months_once(client_as):
    ActivityGridFactory(month=datetime.date(2025, 4, 1))
    body = html.unescape(client_as("coordination").get("/admin/activite/rapport/", {"annee": "2025"}).content.decode())
    assert "Chiffres de janvier 2025 à décembre 2025 — tout le département, établis le" in body
    assert "de de " not in body


def test_the_reminder_confirmation_elides_before_a_vowel(client_as, users):
    body = client_as("coordination").get("/admin/activite/relances/", {"mois": "2025-04"}).content.decode()
    body = html.unescape(body)
    assert "pas transmis sa grille d'avril 2025" in body  # Lucie alone
    assert "de avril" not in body
