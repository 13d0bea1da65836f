"""A promeneur made inactive (leaving the network, or a pause) loses the members' space with their
record: the account closes, its session ends, its e-mails stop and its places at events to come go
to the waiting list; made active again, it reopens. An account closed for another reason is not
reopened by an edit of an active record."""

import pytest
from django.contrib.auth import authenticate
from django.test import Client, RequestFactory

from network.directory.importing import run_import
from network.directory.models import Promeneur
from network.events.models import Registration
from resources.exchanges.digest import recipients
from tests.factories import PASSWORD, EventFactory, PromeneurFactory, RegistrationFactory, UserFactory
from tests.test_admin_bad_input import read_forms

pytestmark = pytest.mark.django_db

SPACE = "/espace/annuaire/"


@pytest.fixture
def lucie(users):
    return Promeneur.objects.get(user=users["promeneur"])


def logs_in(user):
    return authenticate(RequestFactory().post("/connexion/"), username=user.username, password=PASSWORD) is not None


def edit_form(client, promeneur):
    """The admin's edit form of ``promeneur``, as the browser would send it untouched."""
    address = f"/admin/snippets/directory/promeneur/edit/{promeneur.pk}/"
    (form,) = [form for form in read_forms(client.get(address).content.decode()) if "is_active" in form["fields"]]
    return address, dict(form["values"])


def test_unticking_active_in_the_admin_closes_the_account_and_frees_its_places(client_as, users, lucie):
    member = Client()  # client_as gives one client, logged in as one role at a time
    member.force_login(users["promeneur"])
    assert member.get(SPACE).status_code == 200
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, user=users["promeneur"])
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITING)
    assert users["promeneur"] in recipients()

    coordination = client_as("coordination")
    address, values = edit_form(coordination, lucie)
    values.pop("is_active")
    response = coordination.post(address, values)
    assert response.status_code == 302, response.content.decode()[:2000]

    lucie.refresh_from_db()
    users["promeneur"].refresh_from_db()
    assert not lucie.is_active and not users["promeneur"].is_active
    assert member.get(SPACE).status_code == 302  # the session no longer opens the space
    assert not logs_in(users["promeneur"])
    assert users["promeneur"] not in recipients()
    assert Registration.objects.get(event=event, user=users["promeneur"]).status == Registration.Status.CANCELLED
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED

    address, values = edit_form(coordination, lucie)
    assert coordination.post(address, {**values, "is_active": "on"}).status_code == 302
    users["promeneur"].refresh_from_db()
    assert users["promeneur"].is_active
    assert logs_in(users["promeneur"])


def test_an_account_closed_for_another_reason_stays_closed_when_its_active_record_is_edited(users, lucie):
    account = users["promeneur"]
    account.is_active = False
    account.save()
    lucie = Promeneur.objects.get(pk=lucie.pk)
    lucie.hours_online = "mardi 18h–20h"
    lucie.save()
    account.refresh_from_db()
    assert not account.is_active


def test_the_import_closes_the_account_of_a_promeneur_it_marks_inactive(users):
    account = UserFactory(role="promeneur", username="marc.vidal")
    marc = PromeneurFactory(user=account, email="marc.vidal@structure-test.fr")
    rows = f"prenom;nom;email;actif\nMarc;Vidal;{marc.email};non\n"
    report = run_import("promeneurs", rows.encode(), user=users["coordination"])
    assert report.imported and not report.invalid_lines
    account.refresh_from_db()
    assert not Promeneur.objects.get(pk=marc.pk).is_active and not account.is_active
