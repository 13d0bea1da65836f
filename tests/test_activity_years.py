"""The year of the figures (?annee=, /bilan/<year>/): one rule for every page, never a 500."""

import datetime
import html

import pytest

from network.activity.models.grids import current_month
from network.activity.stats import year_scope

pytestmark = pytest.mark.django_db

THIS_YEAR = current_month().year
# Longer values than 2,000 characters are refused (400) before any view: workspace/malformed_input.py.
BAD_YEARS = ["abc", "0", "99999", "-1", "", "2014", str(THIS_YEAR + 1), "9" * 1900]
NOTICE = f"Il n'y a pas de chiffres pour cette année : voici ceux de {THIS_YEAR}."


def test_year_scope_covers_2015_to_the_current_year_only():
    assert year_scope("2015").start == datetime.date(2015, 1, 1)
    assert year_scope(2015).end == datetime.date(2015, 12, 1)
    assert year_scope(str(THIS_YEAR)).end == current_month()
    for value in [*BAD_YEARS, None, "2015.5"]:
        assert year_scope(value) is None, value


@pytest.mark.parametrize("value", BAD_YEARS)
def test_committees_page_falls_back_to_this_year_with_a_french_notice(client_as, value):
    response = client_as("pilotage").get("/comites/chiffres-cles/", {"annee": value})
    assert response.status_code == 200
    assert response.context["year"] == THIS_YEAR
    assert NOTICE in html.unescape(response.content.decode())


def test_committees_page_shows_a_valid_year_without_notice(client_as):
    response = client_as("pilotage").get("/comites/chiffres-cles/", {"annee": "2015"})
    assert response.context["year"] == 2015
    assert NOTICE not in html.unescape(response.content.decode())


@pytest.mark.parametrize("value", BAD_YEARS)
def test_yearly_report_falls_back_to_this_year(client_as, value):
    response = client_as("coordination").get("/admin/activite/rapport/", {"annee": value})
    assert response.status_code == 200
    assert f"rapport d'évaluation {THIS_YEAR}" in html.unescape(response.content.decode())


@pytest.mark.parametrize("year", ["2014", "0000", str(THIS_YEAR + 1)])
def test_yearly_totals_of_a_year_out_of_range_are_not_found(client_as, year):
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
    body = html.unescape(client_as("coordination").get("/admin/activite/rapport/", {"annee": "2025"}).content.decode())
    assert "Chiffres de janvier 2025 à décembre 2025 — tout le département, établis le" in body
    assert "de de " not in body


def test_the_reminder_confirmation_elides_before_a_vowel(client_as, users):
    body = client_as("coordination").get("/admin/activite/relances/", {"mois": "2025-04"}).content.decode()
    body = html.unescape(body)
    assert "pas transmis sa grille d'avril 2025" in body  # Lucie alone
    assert "de avril" not in body
