"""The coordinator's admin: filters, CSV / XLSX exports, profiles to re-read, anonymisation."""

import csv
import io

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from network.directory.models import Promeneur, SocialProfile
from network.directory.privacy import anonymise_promeneur
from tests.factories import (
    PASSWORD,
    PromeneurFactory,
    RelayFactory,
    SocialProfileFactory,
    StructureFactory,
    TerritoryFactory,
    UserFactory,
    make_image,
)

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/directory/promeneur/"


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def people():
    conflent = TerritoryFactory(name="Conflent")
    mjc = StructureFactory(name="MJC de Prades", territory=conflent)
    anna = PromeneurFactory(user=None, first_name="Anna", last_name="Prat", structure=mjc, phone="06 01 02 03 04")
    anna.territories.add(conflent)
    anna.save()
    SocialProfileFactory(promeneur=anna, network="snapchat")
    bruno = PromeneurFactory(user=None, first_name="Bruno", last_name="Serra", is_active=False)
    SocialProfileFactory(promeneur=bruno, network="discord")
    return {"anna": anna, "bruno": bruno, "conflent": conflent, "mjc": mjc}


def listed(response):
    html = content(response).decode()
    return {name for name in ("Anna Prat", "Bruno Serra") if name in html}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Anna Prat", "Bruno Serra"}),
        ({"reseau": "snapchat"}, {"Anna Prat"}),
        ({"reseau": "discord"}, {"Bruno Serra"}),
        ({"is_active": "true"}, {"Anna Prat"}),
        ({"is_active": "false"}, {"Bruno Serra"}),
        ({"q": "Serra"}, {"Bruno Serra"}),
    ],
)
def test_promeneur_listing_filters(client_as, people, query, expected):
    response = client_as("coordination").get(LIST, query)
    assert response.status_code == 200
    assert listed(response) == expected


def test_territory_and_structure_filters(client_as, people):
    client = client_as("coordination")
    assert listed(client.get(LIST, {"territoire": people["conflent"].pk})) == {"Anna Prat"}
    assert listed(client.get(LIST, {"structure": people["mjc"].pk})) == {"Anna Prat"}


def test_csv_export_of_the_filtered_listing(client_as, people):
    response = client_as("coordination").get(LIST, {"export": "csv", "reseau": "snapchat"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="promeneurs.csv"'
    rows = list(csv.DictReader(io.StringIO(content(response).decode("utf-8-sig")), delimiter=";"))
    assert [row["Nom"] for row in rows] == ["Prat"]
    assert rows[0]["Structure"] == "MJC de Prades"
    assert rows[0]["Territoires"] == "Conflent"
    assert rows[0]["Téléphone professionnel"] == "06 01 02 03 04"
    assert rows[0]["Réseaux sociaux"].startswith("Snapchat : ")


def test_xlsx_exports(client_as, people):
    client = client_as("coordination")
    response = client.get(LIST, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(content(response))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Nom", "Prénom", "E-mail professionnel", "Structure")
    assert {row[0] for row in rows[1:]} >= {"Prat", "Serra"}
    RelayFactory(organisation="Point écoute", domain="addictions")
    relays = load_workbook(io.BytesIO(content(client.get("/admin/snippets/directory/relay/", {"export": "xlsx"}))))
    relay_rows = list(relays.active.iter_rows(values_only=True))
    assert relay_rows[0][:3] == ("Organisme", "Domaine", "Territoire")
    assert ("Point écoute", "Addictions", "Département / national") in [r[:3] for r in relay_rows]
    structures = load_workbook(io.BytesIO(content(client.get("/admin/snippets/directory/structure/?export=xlsx"))))
    assert "MJC de Prades" in [r[0] for r in structures.active.iter_rows(values_only=True)]


def test_export_costs_a_bounded_number_of_queries(client_as, people, django_assert_max_num_queries):
    for i in range(40):
        promeneur = PromeneurFactory(user=None, first_name=f"P{i}", structure=people["mjc"])
        promeneur.territories.add(people["conflent"])
        promeneur.save()
    client = client_as("coordination")
    with django_assert_max_num_queries(25):
        content(client.get(LIST, {"export": "csv"}))


def test_changed_profiles_list_and_mark_as_reviewed(client_as, people):
    anna = people["anna"]
    Promeneur.objects.filter(pk=anna.pk).update(profile_changed_at=timezone.now())
    client = client_as("coordination")
    html = content(client.get("/admin/annuaire/profils-modifies/")).decode()
    assert "Anna Prat" in html and "Bruno Serra" not in html
    assert listed(client.get(LIST, {"a_relire": "true"})) == {"Anna Prat"}
    response = client.post("/admin/annuaire/profils-modifies/relus/", {"promeneur": [str(anna.pk), "x"]})
    assert response.status_code == 302
    anna.refresh_from_db()
    assert not anna.needs_review
    assert "Anna Prat" not in content(client.get("/admin/annuaire/profils-modifies/")).decode()


def test_changed_profiles_menu_entry(client_as):
    html = content(client_as("coordination").get("/admin/")).decode()
    assert "/admin/annuaire/profils-modifies/" in html


def test_listing_offers_the_anonymise_button(client_as, people):
    html = content(client_as("coordination").get(LIST)).decode()
    assert f"/admin/annuaire/promeneurs/{people['anna'].pk}/anonymiser/" in html


def test_anonymise_from_the_admin(client_as, people):
    user = UserFactory(username="anna.prat", role="promeneur")
    anna = people["anna"]
    anna.user = user
    anna.photo = make_image("Photo d'Anna")
    anna.presentation = "Je suis Anna."
    anna.save()
    photo_pk = anna.photo.pk
    client = client_as("coordination")
    edit = client.get(f"/admin/snippets/directory/promeneur/edit/{anna.pk}/")
    assert edit.status_code == 200
    log(anna, "wagtail.edit", user=UserFactory(username="coord-log", role="coordination"))
    assert ModelLogEntry.objects.filter(object_id=str(anna.pk), label="Anna Prat").exists()
    confirm = content(client.get(f"/admin/annuaire/promeneurs/{anna.pk}/anonymiser/")).decode()
    assert "Anonymiser définitivement" in confirm
    response = client.post(f"/admin/annuaire/promeneurs/{anna.pk}/anonymiser/")
    assert response.status_code == 302

    anna = Promeneur.objects.get(pk=anna.pk)  # the row is kept, same primary key
    assert anna.is_anonymised and not anna.is_active and not anna.public_listing
    assert (anna.first_name, anna.last_name) == ("Promeneur", f"anonyme n° {anna.pk}")
    assert anna.email == anna.phone == anna.presentation == anna.hours_online == anna.job_title == ""
    assert anna.user is None and anna.photo is None
    assert not SocialProfile.objects.filter(promeneur=anna).exists()
    assert anna.structure == people["mjc"]  # kept for anonymous counts
    assert list(anna.territories.all()) == [people["conflent"]]
    assert anna.exit_date is not None
    assert not get_image_model().objects.filter(pk=photo_pk).exists()
    assert not ModelLogEntry.objects.filter(label__contains="Prat").exists()

    user.refresh_from_db()
    assert not user.is_active and user.email == "" and user.first_name == ""
    assert not user.groups.exists()
    request = RequestFactory().post("/connexion/")
    assert authenticate(request, username="anna.prat", password=PASSWORD) is None
    assert authenticate(request, username=user.username, password=PASSWORD) is None
    assert "Prat" not in content(client.get("/annuaire/")).decode()
    assert "Prat" not in content(client_as("promeneur").get("/espace/annuaire/")).decode()


def test_anonymising_twice_changes_nothing(people):
    anna = anonymise_promeneur(people["anna"])
    first = Promeneur.objects.values().get(pk=anna.pk)
    anonymise_promeneur(Promeneur.objects.get(pk=anna.pk))
    assert Promeneur.objects.values().get(pk=anna.pk) == first


def test_admin_directory_views_refuse_members_without_permission(client_as, people):
    client = client_as("promeneur")
    assert client.post(f"/admin/annuaire/promeneurs/{people['anna'].pk}/anonymiser/").status_code == 302
    people["anna"].refresh_from_db()
    assert not people["anna"].is_anonymised


def test_anonymising_the_structure_referent_clears_the_referent_contact(client_as, people):
    """An accepted application makes its contact both the promeneur and the structure's referent: once
    anonymised, their name, e-mail and phone must not stay on the members' directory as the referent."""
    mjc = people["mjc"]
    anna = people["anna"]
    anna.email = "anna.prat@example.org"
    anna.save()
    mjc.referent_name, mjc.referent_role = "Anna Prat", "Animatrice"
    mjc.referent_email, mjc.referent_phone = "Anna.Prat@example.org", "06 01 02 03 04"
    mjc.save()
    other = StructureFactory(name="PIJ de Céret", referent_name="Paul Roig", referent_email="paul@example.org")

    anonymise_promeneur(anna)

    mjc.refresh_from_db()
    assert (mjc.referent_name, mjc.referent_role, mjc.referent_email, mjc.referent_phone) == ("", "", "", "")
    other.refresh_from_db()
    assert (other.referent_name, other.referent_email) == ("Paul Roig", "paul@example.org")
    html = content(client_as("promeneur").get("/espace/annuaire/")).decode()
    assert "Prat" not in html and "anna.prat" not in html.lower() and "06 01 02 03 04" not in html
