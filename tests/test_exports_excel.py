"""Every export opens in French Excel as written: each CSV read by pandas the way French Excel reads
it (sep=";", encoding="utf-8-sig"), each XLSX by openpyxl; French headers, accents intact, Oui/Non,
dates and times in Paris time; XLSX with a named sheet, real date cells, widths and a frozen header;
an empty period gives the headers only; the promeneurs and structures exports import back unchanged."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pandas
import pytest
from django.forms.models import model_to_dict

from network.coordination.models import ContactMessage
from network.directory.importing import run_import
from network.directory.models import Promeneur, SocialProfile, Structure
from tests.factories import (
    ActivityGridFactory,
    ApplicationFactory,
    EventFactory,
    JournalEntryFactory,
    PromeneurFactory,
    RegistrationFactory,
    RelayFactory,
    StructureFactory,
    TerritoryFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
# 18:00 UTC on 7 November is 19:00 in Paris (winter time); on 7 July, 20:00 (summer time).
SUBMITTED = datetime.datetime(2026, 11, 7, 18, 0, tzinfo=UTC)
QUEUED = datetime.datetime(2026, 7, 7, 18, 0, tzinfo=UTC)

LISTINGS = {
    "promeneurs": "/admin/snippets/directory/promeneur/",
    "structures": "/admin/snippets/directory/structure/",
    "relays": "/admin/snippets/directory/relay/",
    "territories": "/admin/snippets/directory/territory/",
    "grids": "/admin/activite/grilles/",
    "journal": "/admin/activite/journal/",
}


@pytest.fixture
def network():
    territory = TerritoryFactory(name="Pyrénées & Côte Vermeille")
    structure = StructureFactory(
        name="Maison des jeunes d'Elne",
        kind="mjc",
        territory=territory,
        postcode="66200",
        phone="04 68 22 00 00",
        website="https://mje.example.org/",
        referent_name="Élodie Garcia",
        referent_email="elodie@example.org",
        priority_neighbourhood=True,
        open_data=True,
    )
    promeneur = PromeneurFactory(
        user=UserFactory(username="zoe", first_name="Zoé", last_name="Février", role="promeneur"),
        first_name="Zoé",
        last_name="Février",
        email="zoe.fevrier@example.org",
        structure=structure,
        job_title="Animatrice jeunesse",
        hours_online="mardi 17h–19h",
        charter_version="2024",
        charter_signed_on=datetime.date(2024, 3, 15),
        entry_date=datetime.date(2023, 9, 1),
        photo_consent=True,
    )
    promeneur.territories.add(territory)
    promeneur.save()
    SocialProfile.objects.create(promeneur=promeneur, network="instagram", profile_name="zoe_pdn66", sort_order=0)
    SocialProfile.objects.create(promeneur=promeneur, network="tiktok", profile_name="zoé.elne", sort_order=1)
    grid = ActivityGridFactory(
        promeneur=promeneur, month=datetime.date(2026, 10, 1), submitted_at=SUBMITTED, hours_per_week=Decimal("2.5")
    )
    JournalEntryFactory(date=datetime.date(2026, 10, 12), notes="Réunion à Céret", duration_minutes=45)
    RelayFactory(organisation="Écoute Santé Jeunes", territory=territory, is_national_emergency=False)
    event = EventFactory(title="Rencontre départementale")
    RegistrationFactory(event=event, user=promeneur.user, queued_at=QUEUED)
    return {"promeneur": promeneur, "structure": structure, "grid": grid, "event": event}


def download(client, url, export_format):
    response = client.get(url, {"export": export_format}) if "inscriptions" not in url else client.get(url)
    assert response.status_code == 200, url
    return response.content


def french_excel(content):
    """What French Excel shows for a CSV opened with a double-click: ";" columns, UTF-8 by its BOM."""
    assert content.startswith("\ufeff".encode()), "no byte order mark: Excel would show Ã© for é"
    return pandas.read_csv(io.BytesIO(content), sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)


def workbook(content):
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet.title not in ("Sheet1", "Sheet"), "the sheet has no name"
    assert sheet.freeze_panes == "A2", "the header row is not frozen"
    assert sheet["A1"].font.bold
    letters = [openpyxl.utils.get_column_letter(index) for index in range(1, sheet.max_column + 1)]
    widths = [sheet.column_dimensions[letter].width for letter in letters]
    assert all(width and width >= 8 for width in widths), widths
    return sheet


def xlsx_rows(sheet):
    rows = list(sheet.iter_rows())
    headings = [cell.value for cell in rows[0]]
    return [dict(zip(headings, row, strict=True)) for row in rows[1:]]


@pytest.mark.parametrize("name", list(LISTINGS))
def test_every_listing_export_opens_in_french_excel_and_openpyxl(client_as, network, name):
    client = client_as("coordination")
    frame = french_excel(download(client, LISTINGS[name], "csv"))
    assert len(frame) >= 1
    for heading in frame.columns:
        assert "_" not in heading, f"{heading}: a code, not a French header"
    values = {value for column in frame.columns for value in frame[column]}
    assert not values & {"True", "False", "None"}
    assert not [value for value in values if "+00:00" in value or "Ã" in value]
    sheet = workbook(download(client, LISTINGS[name], "xlsx"))
    assert [cell.value for cell in next(sheet.iter_rows())] == list(frame.columns)
    assert sheet.max_row == len(frame) + 1


def test_promeneurs_export_headers_accents_booleans_and_dates(client_as, network):
    client = client_as("coordination")
    frame = french_excel(download(client, LISTINGS["promeneurs"], "csv"))
    row = frame[frame["Nom"] == "Février"].iloc[0]
    assert row["Prénom"] == "Zoé"
    assert row["Structure"] == "Maison des jeunes d'Elne"
    assert row["Territoires"] == "Pyrénées & Côte Vermeille"
    assert row["Réseaux sociaux"] == "Instagram : zoe_pdn66 | TikTok : zoé.elne"
    assert (row["Actif"], row["Annuaire public"], row["Photo publique"]) == ("Oui", "Oui", "Oui")
    assert row["Charte signée le"] == "15/03/2024"
    assert row["Sortie du réseau"] == ""

    rows = xlsx_rows(workbook(download(client, LISTINGS["promeneurs"], "xlsx")))
    cells = next(r for r in rows if r["Nom"].value == "Février")
    assert cells["Charte signée le"].is_date and cells["Charte signée le"].value.date() == datetime.date(2024, 3, 15)
    assert cells["Charte signée le"].number_format == "dd/mm/yyyy"
    assert cells["Actif"].value == "Oui"


def test_grids_export_says_paris_time(client_as, network):
    client = client_as("coordination")
    frame = french_excel(download(client, LISTINGS["grids"], "csv"))
    row = frame.iloc[0]
    assert row["Transmise le"] == "07/11/2026 19:00"
    assert row["Mois"] == "01/10/2026"
    assert row["Heures en ligne par semaine"] == "2,5"  # a decimal comma: a number to French Excel
    assert "Thématiques abordées" in frame.columns

    sheet = workbook(download(client, LISTINGS["grids"], "xlsx"))
    assert sheet.title == "Grilles d'activité"
    cells = xlsx_rows(sheet)[0]
    submitted = cells["Transmise le"]
    assert submitted.is_date and submitted.value == datetime.datetime(2026, 11, 7, 19, 0)  # naive Paris time
    assert submitted.number_format == "dd/mm/yyyy hh:mm"
    assert cells["Heures en ligne par semaine"].value == 2.5


def test_registrations_export_dates_are_real_dates_in_paris_time(client_as, network):
    client = client_as("coordination")
    base = f"/admin/agenda/{network['event'].pk}/inscriptions"
    frame = french_excel(download(client, base + ".csv", "csv"))
    assert list(frame.columns) == ["Nom", "Prénom", "E-mail", "Structure", "Statut", "Inscrit le", "Présence"]
    assert frame.iloc[0]["Inscrit le"] == "07/07/2026 20:00"
    assert frame.iloc[0]["Prénom"] == "Zoé"
    sheet = workbook(download(client, base + ".xlsx", "xlsx"))
    assert sheet.title == "Inscriptions"
    registered = xlsx_rows(sheet)[0]["Inscrit le"]
    assert registered.is_date and registered.value == datetime.datetime(2026, 7, 7, 20, 0)


def test_an_empty_period_gives_the_headers_only(client_as, network):
    client = client_as("coordination")
    for url, period in (
        (LISTINGS["grids"], {"month_from": "2020-01-01", "month_to": "2020-02-01"}),
        (LISTINGS["journal"], {"date_from": "2020-01-01", "date_to": "2020-01-31"}),
    ):
        content = client.get(url, {**period, "export": "csv"}).content
        frame = french_excel(content)
        assert frame.empty and len(frame.columns) > 3
        assert content.decode("utf-8-sig").count("\n") == 1
        sheet = workbook(client.get(url, {**period, "export": "xlsx"}).content)
        assert sheet.max_row == 1
    empty_event = EventFactory()
    frame = french_excel(client.get(f"/admin/agenda/{empty_event.pk}/inscriptions.csv").content)
    assert frame.empty and "Inscrit le" in frame.columns


def promeneurs_state():
    fields = [f.name for f in Promeneur._meta.concrete_fields if f.name not in ("updated_at", "profile_changed_at")]
    return {
        promeneur.email: (
            model_to_dict(promeneur, fields=fields),
            sorted(promeneur.territories.values_list("name", flat=True)),
            sorted(promeneur.social_profiles.values_list("network", "profile_name")),
        )
        for promeneur in Promeneur.objects.all()
    }


def structures_state():
    return {s.name: model_to_dict(s, exclude=["id", "updated_at"]) for s in Structure.objects.all()}


def test_the_promeneurs_export_imports_back_unchanged(client_as, network):
    PromeneurFactory(
        user=None, first_name="Anaïs", last_name="Sans-Réseau", email="anais@example.org", public_listing=False
    )
    before = promeneurs_state()
    content = download(client_as("coordination"), LISTINGS["promeneurs"], "csv")
    report = run_import("promeneurs", content)
    assert report.errors == [] and report.imported
    assert (report.created, report.updated, report.unchanged) == (0, 0, len(before))
    assert promeneurs_state() == before


def test_the_structures_export_imports_back_unchanged(client_as, network):
    StructureFactory(name="Point Information Jeunesse", kind="pij_bij", status="en_projet", territory=None)
    before = structures_state()
    content = download(client_as("coordination"), LISTINGS["structures"], "csv")
    report = run_import("structures", content)
    assert report.errors == [] and report.imported
    assert (report.created, report.updated, report.unchanged) == (0, 0, len(before))
    assert structures_state() == before


def test_the_coordination_records_exports_write_a_status_as_the_listing_shows_it(client_as):
    ApplicationFactory()
    ContactMessage.objects.create(name="Aurélie Py", email="a@example.org", subject="Intervention", message="…")
    client = client_as("coordination")
    for url, label in [
        ("/admin/coordination/application/", "Reçue"),
        ("/admin/coordination/contactmessage/", "Nouveau"),
    ]:
        assert list(french_excel(download(client, url, "csv"))["Statut"]) == [label], url
        assert [row["Statut"].value for row in xlsx_rows(workbook(download(client, url, "xlsx")))] == [label], url
