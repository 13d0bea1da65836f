"""Individual reviews (issue 11, item 2): Coordination only, the due rule, the create form that
arrives with its promeneur, the French refusal of a next date before the review, the exports."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from network.coordination import rules
from network.coordination.cockpit.reviews import ReviewsDueBlock
from network.coordination.models import IndividualReview
from network.coordination.models.reviews import due_for_review, months_before
from tests.factories import PromeneurFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/coordination/individualreview/"
CREATE = INDEX + "create/"
EXPORT = "/admin/accompagnement/bilans/export/"
TODAY = datetime.date(2026, 11, 29)


def review(promeneur, date, **fields):
    return IndividualReview.objects.create(promeneur=promeneur, date=date, **fields)


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_months_before_keeps_the_day_or_the_last_of_a_shorter_month():
    assert months_before(datetime.date(2026, 11, 29), 12) == datetime.date(2025, 11, 29)
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 1, 15), 3) == datetime.date(2025, 10, 15)


# Who may read and write them ----------------------------------------------------------------------


@pytest.mark.parametrize("role", ["promeneur", "pilotage", "financeurs", "technique"])
def test_promeneurs_and_committees_never_reach_reviews(client_as, users, role):
    promeneur = users["promeneur"].promeneur
    secret = review(promeneur, TODAY, notes="Note confidentielle sur Lucie")
    client = client_as(role)
    assert not rules.can_read_reviews(users[role])
    assert not rules.can_write_reviews(users[role])
    assert not rules.can_follow_onboarding(users[role])
    for address in (INDEX, CREATE, f"{INDEX}inspect/{secret.pk}/", f"{INDEX}edit/{secret.pk}/", EXPORT):
        response = client.get(address)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), address
    response = client.post(CREATE, {"promeneur": promeneur.pk, "date": "2026-11-01", "kind": "bilan_regulier"})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert IndividualReview.objects.count() == 1


def test_coordination_reads_a_review_in_the_inspect_view(client_as, users):
    secret = review(users["promeneur"].promeneur, TODAY, notes="Note confidentielle sur Lucie", objectives="Animer")
    response = client_as("coordination").get(f"{INDEX}inspect/{secret.pk}/")
    assert response.status_code == 200
    assert "Note confidentielle sur Lucie" in response.content.decode()


def test_the_listing_filters_by_kind_and_searches_by_name(client_as, users):
    lucie = users["promeneur"].promeneur
    other = PromeneurFactory(first_name="Bastien", last_name="Roca", user=None)
    review(lucie, TODAY, kind="prise_de_poste")
    review(other, TODAY, kind="fin_de_mandat")
    client = client_as("coordination")
    body = client.get(INDEX, {"kind__exact": "fin_de_mandat"}).content.decode()
    assert "Bastien Roca" in body and lucie.full_name not in body
    body = client.get(INDEX, {"q": "roca"}).content.decode()
    assert "Bastien Roca" in body and lucie.full_name not in body


# The due rule --------------------------------------------------------------------------------------


def test_due_rule_never_reviewed_too_long_ago_or_next_date_come(users, settings):
    settings.REVIEW_INTERVAL_MONTHS = 12
    never = users["promeneur"].promeneur
    recent = PromeneurFactory(user=None, last_name="Recent")
    review(recent, TODAY - datetime.timedelta(days=100))
    old = PromeneurFactory(user=None, last_name="Ancien")
    review(old, datetime.date(2025, 11, 29))  # exactly twelve months ago: due today
    planned = PromeneurFactory(user=None, last_name="Prevu")
    review(planned, TODAY - datetime.timedelta(days=60), next_review_on=TODAY - datetime.timedelta(days=1))
    later = PromeneurFactory(user=None, last_name="Plus tard")
    review(later, TODAY - datetime.timedelta(days=60), next_review_on=TODAY + datetime.timedelta(days=30))
    inactive = PromeneurFactory(user=None, last_name="Parti", is_active=False)

    due = list(due_for_review(today=TODAY))
    # The longest without a review first: never reviewed, then by the date of the last review.
    assert due == [never, old, planned]
    assert recent not in due and later not in due and inactive not in due
    assert due[1].last_review_on == datetime.date(2025, 11, 29)


def test_the_latest_review_decides(users):
    promeneur = users["promeneur"].promeneur
    review(promeneur, datetime.date(2024, 1, 10), next_review_on=datetime.date(2024, 6, 1))
    review(promeneur, TODAY - datetime.timedelta(days=10))
    assert promeneur not in due_for_review(today=TODAY)


def test_the_period_is_configurable(users, settings):
    promeneur = users["promeneur"].promeneur
    review(promeneur, months_before(TODAY, 7))
    settings.REVIEW_INTERVAL_MONTHS = 12
    assert promeneur not in due_for_review(today=TODAY)
    settings.REVIEW_INTERVAL_MONTHS = 6
    assert promeneur in due_for_review(today=TODAY)


# The create form ------------------------------------------------------------------------------------


def test_the_create_form_arrives_with_its_promeneur_and_records_who_wrote_it(client_as, users):
    promeneur = users["promeneur"].promeneur
    client = client_as("coordination")
    body = client.get(CREATE, {"promeneur": promeneur.pk}).content.decode()
    assert f'value="{promeneur.pk}"' in body
    assert timezone.localdate().isoformat() in body  # today by default
    response = client.post(
        CREATE,
        {
            "promeneur": promeneur.pk,
            "date": "2026-11-02",
            "kind": "bilan_regulier",
            "objectives": "Deux lives par mois",
            "notes": "",
            "next_review_on": "2027-05-02",
        },
    )
    assert response.status_code == 302
    saved = IndividualReview.objects.get()
    assert saved.promeneur == promeneur and saved.written_by == users["coordination"]
    assert saved.next_review_on == datetime.date(2027, 5, 2)


@pytest.mark.parametrize("value", ["abc", "999999", "", "²", "9" * 30])
def test_an_unknown_promeneur_in_the_address_leaves_the_field_empty(client_as, users, value):
    assert client_as("coordination").get(CREATE, {"promeneur": value}).status_code == 200


def test_a_next_date_before_the_review_is_refused_in_french_on_its_field(client_as, users):
    promeneur = users["promeneur"].promeneur
    response = client_as("coordination").post(
        CREATE,
        {
            "promeneur": promeneur.pk,
            "date": "2026-11-02",
            "kind": "bilan_regulier",
            "objectives": "Objectifs gardés",
            "next_review_on": "2026-10-01",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["next_review_on"] == [
        "La date du prochain bilan ne peut pas être avant celle de ce bilan (02/11/2026)."
    ]
    assert "Objectifs gardés" in response.content.decode()
    assert not IndividualReview.objects.exists()


# Exports -------------------------------------------------------------------------------------------


def test_export_of_a_period_has_headers_and_the_reviews_held_in_it(client_as, users):
    lucie = users["promeneur"].promeneur
    review(lucie, datetime.date(2026, 3, 1), objectives='=HYPERLINK("x")', kind="prise_de_poste")
    review(lucie, datetime.date(2026, 6, 30), objectives="Dans la période")
    review(lucie, datetime.date(2026, 7, 1), objectives="Après")
    rows = csv_rows(
        client_as("coordination").get(EXPORT, {"start": "2026-03-01", "end": "2026-06-30", "format": "csv"})
    )
    assert rows[0] == [
        "Promeneur",
        "Structure",
        "Date du bilan",
        "Type de bilan",
        "Objectifs convenus",
        "Notes privées",
        "Prochain bilan le",
        "Rédigé par",
    ]
    assert [row[2] for row in rows[1:]] == ["01/03/2026", "30/06/2026"]
    assert rows[1][0] == lucie.full_name and rows[1][3] == "Prise de poste"
    assert rows[1][4] == '\'=HYPERLINK("x")'  # inert in a spreadsheet


def test_an_empty_period_gives_the_headers_only(client_as, users):
    review(users["promeneur"].promeneur, datetime.date(2026, 3, 1))
    client = client_as("coordination")
    rows = csv_rows(client.get(EXPORT, {"start": "2020-01-01", "end": "2020-12-31", "format": "csv"}))
    assert len(rows) == 1 and rows[0][0] == "Promeneur"
    response = client.get(EXPORT, {"start": "2020-01-01", "end": "2020-12-31", "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('bilans-individuels-du-2020-01-01-au-2020-12-31.xlsx"')


def test_export_form_and_its_french_refusals(client_as, users):
    client = client_as("coordination")
    assert client.get(EXPORT).status_code == 200
    response = client.get(EXPORT, {"start": "2026-06-01", "end": "2026-01-01", "format": "csv"})
    assert response.status_code == 400
    assert response.context["form"].errors["end"] == ["La fin de la période doit suivre son début."]
    assert 'value="2026-06-01"' in response.content.decode()
    response = client.get(EXPORT, {"start": "pas une date", "format": "csv"})
    assert response.status_code == 400 and "start" in response.context["form"].errors


def test_the_listing_export_goes_through_the_safe_module(client_as, users):
    review(users["promeneur"].promeneur, TODAY, notes="@SUM(1)")
    rows = csv_rows(client_as("coordination").get(INDEX, {"export": "csv"}))
    assert rows[0][0] == "Promeneur"
    assert rows[1][5] == "'@SUM(1)"


# Two clicks from the promeneur's page ----------------------------------------------------------------


def test_the_promeneur_edit_page_and_listing_link_to_a_new_review(client_as, users):
    promeneur = users["promeneur"].promeneur
    client = client_as("coordination")
    expected = f"{CREATE}?promeneur={promeneur.pk}"
    body = client.get(reverse("wagtailsnippets_directory_promeneur:edit", args=[promeneur.pk])).content.decode()
    assert expected in body and "Nouveau bilan" in body
    assert f"/admin/accompagnement/accueil/{promeneur.pk}/" in body
    listing = client.get(reverse("wagtailsnippets_directory_promeneur:list")).content.decode()
    assert expected in listing


# The cockpit -----------------------------------------------------------------------------------------


def test_the_cockpit_lists_reviews_due_with_a_new_review_action(client_as, users):
    lucie = users["promeneur"].promeneur
    reviewed = PromeneurFactory(user=None, first_name="Vue", last_name="Recemment")
    review(reviewed, timezone.localdate())
    body = client_as("coordination").get("/admin/").content.decode()
    assert "Accompagnement" in body  # the menu
    assert 'id="cockpit-bilans"' in body
    block = body.split('id="cockpit-bilans"')[1].split("</section>")[0]
    assert lucie.full_name in block and "jamais reçu en bilan" in block
    assert f"{CREATE}?promeneur={lucie.pk}" in block
    assert "Recemment" not in block


def test_the_reviews_block_leads_to_every_review_due(client_as, users):
    for index in range(7):
        PromeneurFactory(user=None, first_name="Jamais", last_name=f"Vu{index}")
    review(PromeneurFactory(user=None, last_name="Recemment"), timezone.localdate())
    client = client_as("coordination")
    due = due_for_review().count()
    assert due > ReviewsDueBlock.limit
    block = client.get("/admin/").content.decode().split('id="cockpit-bilans"')[1].split("</section>")[0]
    # The label and its count say what the link opens: the reviews to make, not the reviews made.
    assert f'<a href="/admin/cockpit/bilans/">Tous les bilans à faire ({due})</a>' in block
    page = client.get("/admin/cockpit/bilans/").content.decode()
    assert f"{due} au total" in page and "Recemment" not in page
    for index in range(7):
        assert f"Jamais Vu{index}" in page
    assert page.count(f"{CREATE}?promeneur=") == due


# Bad input: never a server error ---------------------------------------------------------------


def test_hostile_input_on_every_address_and_form_gives_no_server_error(client_as, users):
    from tests.test_fuzz_input import fuzz_form, fuzz_listing, fuzz_path, post_form

    promeneur = users["promeneur"].promeneur
    OnboardingStep = IndividualReview._meta.apps.get_model("coordination", "OnboardingStep")
    OnboardingStep.objects.create(label="Étape manuelle", order=1)
    existing = review(promeneur, TODAY)
    client = client_as("coordination")
    fuzz_listing(client, INDEX, ["kind__exact", "date__gte", "date__lt", "q", "p", "o", "ot", "export"])
    fuzz_listing(client, EXPORT, ["start", "end", "format"])
    fuzz_listing(client, CREATE, ["promeneur"])
    fuzz_listing(client, "/admin/accompagnement/accueil/", ["p"])
    fuzz_listing(client, "/admin/coordination/onboardingstep/", ["observed__exact", "q", "p", "o", "export"])
    for pattern in (INDEX + "inspect/{}/", INDEX + "edit/{}/", "/admin/accompagnement/accueil/{}/"):
        fuzz_path(client, pattern)
    login = lambda: client_as("coordination")  # noqa: E731
    for page in (
        f"{CREATE}?promeneur={promeneur.pk}",
        f"{INDEX}edit/{existing.pk}/",
        f"/admin/accompagnement/accueil/{promeneur.pk}/",
        "/admin/coordination/onboardingstep/create/",
    ):
        target, names, values = post_form(client, page, r"")
        fuzz_form(login, target, names, values)
