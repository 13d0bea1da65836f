"""The admin's listings read booleans "Oui" / "Non" (issue 15), never "True" / "False": Wagtail's
listings (snippets, users) through its cell templates, the coordination's modeladmin listings
through their shared index view, both with workspace/display.py."""

import datetime
import re

import pytest
from wagtail_modeladmin.options import ModelAdmin

from network.coordination.admin_views.listing import YesNoColumn
from network.coordination.models import Convention
from network.directory.models import Relay
from tests.factories import RelayFactory, StructureFactory

pytestmark = pytest.mark.django_db

ENGLISH = re.compile(r">\s*(True|False|None)\s*<|alt=\"(True|False|None)\"")


def cells(body, column):
    return [" ".join(cell.split()) for cell in re.findall(rf'<td class="[^"]*{column}[^"]*">(.*?)</td>', body, re.S)]


def test_snippet_listings_read_oui_and_non(client_as):
    RelayFactory(organisation="Relais public", is_public=True, is_national_emergency=False)
    body = client_as("coordination").get("/admin/snippets/directory/relay/").content.decode()
    assert not ENGLISH.search(body)
    row = body[body.index("Relais public") :].split("</tr>")[0]
    assert re.findall(r"<td\s*>\s*(Oui|Non)\s*</td>", row) == ["Non", "Oui"]


def test_the_users_listing_names_its_status_icons_in_french(client_as):
    body = client_as("coordination").get("/admin/users/").content.decode()
    assert not ENGLISH.search(body)
    assert re.search(r'icon-check[^>]*>.*?<span class="w-sr-only">\s*Oui\s*</span>', body, re.S)


def test_modeladmin_listings_read_oui_and_non(client_as):
    start = datetime.date(2026, 1, 1)
    Convention.objects.create(
        structure=StructureFactory(), reference="CAF-001", start_date=start, end_date=start.replace(month=12)
    )
    body = client_as("coordination").get("/admin/coordination/convention/").content.decode()
    assert not ENGLISH.search(body)
    assert cells(body, "field-has_signed_document") == ["Non"]
    assert "Document signé" in body  # the column keeps its heading


def test_a_boolean_field_of_a_modeladmin_listing_reads_oui_and_non():
    admin = type("RelayAdmin", (ModelAdmin,), {"model": Relay})()
    column = YesNoColumn.of(admin, "is_public")
    assert column(RelayFactory(is_public=True)) == "Oui" and column(RelayFactory(is_public=False)) == "Non"
    assert column.short_description == "Visible sur le site public"
    assert column.admin_order_field == str(column) == "is_public"
    assert YesNoColumn.of(admin, "organisation") == "organisation"


def active_filter_chips(body):
    """The chips above a listing that say which filters are in force, as their text reads."""
    chips = re.findall(r"<button[^>]*data-w-active-filter-id[^>]*>(.*?)</button>", body, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", chip).split()) for chip in chips]


@pytest.mark.parametrize(("value", "shown"), [("false", "Non"), ("true", "Oui")])
def test_an_active_yes_no_filter_reads_oui_or_non(client_as, value, shown):
    body = client_as("coordination").get(f"/admin/snippets/exchanges/report/?handled={value}").content.decode()
    chips = active_filter_chips(body)
    assert any(f"Traité : {shown}" in chip for chip in chips), chips
    assert not any("True" in chip or "False" in chip for chip in chips)


def test_every_boolean_filter_of_our_listings_reads_oui_or_non(client_as):
    """Those Wagtail makes from a boolean list_filter and those of our own filtersets."""
    client = client_as("coordination")
    for address in (
        "/admin/snippets/events/event/?is_cancelled=false",
        "/admin/snippets/directory/relay/?is_public=true",
        "/admin/snippets/directory/structure/?open_data=false",
        "/admin/snippets/exchanges/discussion/?closed=true&hidden=false",
        "/admin/snippets/directory/promeneur/?is_active=true&public_listing=false&a_relire=false",
    ):
        chips = active_filter_chips(client.get(address).content.decode())
        assert chips and all(chip.split(" : ")[-1].split()[0] in ("Oui", "Non") for chip in chips), (address, chips)


def test_an_empty_read_only_field_reads_a_dash_not_none(client_as):
    client = client_as("coordination")
    body = client.get("/admin/snippets/directory/promeneur/add/").content.decode()
    outputs = [" ".join(o.split()) for o in re.findall(r'class="w-field__textoutput"[^>]*>(.*?)</div>', body, re.S)]
    assert outputs and "None" not in outputs
    assert "—" in outputs
