"""The current month is not over: its grids are still to come, so it is never drawn as a zero.

Each page that shows figures by month (committees' key figures, the coordinator's dashboard, the
yearly report, a promeneur's yearly totals) keeps its row in the table, marked "(en cours)", and
leaves it out of the charts; the finished months keep their exact figures.
"""

import datetime
import html
import re

import pytest

from network.activity.models.grids import add_months, current_month, is_finished, previous_month
from tests.factories import ActivityGridFactory, NetworkActivityFactory, PromeneurFactory

pytestmark = pytest.mark.django_db

THIS_MONTH = current_month()
LAST = previous_month()
THIS_YEAR = THIS_MONTH.year


def test_a_month_is_finished_once_the_next_one_has_begun():
    assert is_finished(datetime.date(2026, 4, 1), today=datetime.date(2026, 5, 1))
    assert not is_finished(datetime.date(2026, 5, 1), today=datetime.date(2026, 5, 31))
    assert not is_finished(THIS_MONTH)
    assert is_finished(LAST)


@pytest.fixture
def grids(users):
    """Two finished months with grids (the last one and the one before), and one grid sent early
    for the current month, by the logged-in promeneur."""
    promeneur = users["promeneur"].promeneur
    other = PromeneurFactory()
    for month, person, young_people in [
        (add_months(LAST, -1), promeneur, 4),
        (LAST, promeneur, 7),
        (LAST, other, 5),
        (THIS_MONTH, promeneur, 3),
    ]:
        grid = ActivityGridFactory(promeneur=person, month=month)
        NetworkActivityFactory(grid=grid, young_people=young_people, new_young_people=0)
    return promeneur


def chart(body, chart_id):
    return body.split(f'id="{chart_id}"', 1)[1].split("</svg>", 1)[0]


def column_labels(svg):
    return re.findall(r'font-size="11" fill="#1b1b1b">(\d\d/\d\d)</text>', svg)


def check_months(figures, body, *, charts=("graphique-mois", "graphique-grilles")):
    rows = figures["by_month"]
    assert [row["month"] for row in rows if row["in_progress"]] == [THIS_MONTH]
    finished = {row["month"]: (row["grids"], row["young_people"]) for row in rows if not row["in_progress"]}
    # The finished months keep their exact figures.
    if LAST.year == THIS_YEAR or rows[0]["month"] <= LAST:
        assert finished[LAST] == (2, 12)
    assert rows[-1]["grids"] == 1 and rows[-1]["young_people"] == 3  # what came so far, in the table
    for chart_id in charts:
        labels = column_labels(chart(body, chart_id))
        assert f"{THIS_MONTH:%m/%y}" not in labels, chart_id
        assert labels == [f"{month:%m/%y}" for month in finished], chart_id
    assert f"{rows[-1]['label'].capitalize()} (en cours)" in body


def test_committees_key_figures_leave_the_current_month_out_of_the_charts(client_as, grids):
    response = client_as("pilotage").get("/comites/chiffres-cles/", {"annee": THIS_YEAR})
    body = html.unescape(response.content.decode())
    check_months(response.context["figures"], body)
    assert response.context["figures"]["grids_in_progress"] == 1
    assert "1 reçue en avance pour le mois en cours" in body
    assert "n'est pas terminé : ses grilles sont encore attendues" in body


def test_the_dashboard_leaves_the_current_month_out_of_the_charts(client_as, grids):
    start = add_months(LAST, -1)
    response = client_as("coordination").get(
        "/admin/activite/", {"start": f"{start:%Y-%m}", "end": f"{THIS_MONTH:%Y-%m}"}
    )
    body = html.unescape(response.content.decode())
    figures = response.context["figures"]
    check_months(figures, body)
    assert [row["grids"] for row in figures["by_month"]] == [1, 2, 1]
    # A month not over has no missing grids yet: no link to them on its row.
    assert f"grilles reçues en {figures['by_month'][-1]['label']}" not in body
    assert f"grilles reçues en {figures['by_month'][-2]['label']}" in body


def test_a_period_of_the_current_month_alone_draws_no_column(client_as, grids):
    response = client_as("coordination").get(
        "/admin/activite/", {"start": f"{THIS_MONTH:%Y-%m}", "end": f"{THIS_MONTH:%Y-%m}"}
    )
    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    for chart_id in ("graphique-mois", "graphique-grilles"):
        assert column_labels(chart(body, chart_id)) == []
        assert "Aucun mois échu sur la période." in chart(body, chart_id)


def test_the_yearly_report_leaves_the_current_month_out_of_the_charts(client_as, grids):
    response = client_as("coordination").get("/admin/activite/rapport/", {"annee": THIS_YEAR})
    check_months(response.context["figures"], html.unescape(response.content.decode()))


def test_a_past_year_has_no_month_in_progress(client_as, grids):
    ActivityGridFactory(promeneur=grids, month=datetime.date(THIS_YEAR - 1, 6, 1))
    response = client_as("pilotage").get("/comites/chiffres-cles/", {"annee": THIS_YEAR - 1})
    body = html.unescape(response.content.decode())
    rows = response.context["figures"]["by_month"]
    assert len(rows) == 12 and not any(row["in_progress"] for row in rows)
    assert len(column_labels(chart(body, "graphique-mois"))) == 12
    assert "(en cours)" not in body and "en avance" not in body


def test_a_promeneurs_yearly_totals_say_the_current_month_is_not_over(client_as, grids):
    response = client_as("promeneur").get(f"/espace/mon-activite/bilan/{THIS_YEAR}/")
    body = html.unescape(response.content.decode())
    rows = response.context["figures"]["by_month"]
    assert [row["month"] for row in rows if row["in_progress"]] == [THIS_MONTH]
    assert f"{rows[-1]['label'].capitalize()} (en cours)" in body
    if LAST.year == THIS_YEAR:
        assert rows[-2]["grids"] == 1 and rows[-2]["young_people"] == 7
    # Without a grid yet, the current month reads "pas encore", a finished one "non".
    grids.activity_grids.filter(month=THIS_MONTH).delete()
    body = html.unescape(client_as("promeneur").get(f"/espace/mon-activite/bilan/{THIS_YEAR}/").content.decode())
    current_row = body.split(f"{rows[-1]['label'].capitalize()} (en cours)", 1)[1].split("</tr>", 1)[0]
    assert '<td data-label="Grille transmise">pas encore</td>' in current_row
    if THIS_MONTH.month > 3:
        assert '<td data-label="Grille transmise">non</td>' in body  # January, with no grid
