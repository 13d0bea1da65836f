"""Agenda and training pages, the coordinator's tools, and the cost of the listings."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from network.events.models import TrainingPage
from tests.factories import EventFactory, PromeneurFactory, RegistrationFactory, UserFactory
from tests.pages import page_at, publish_child

pytestmark = pytest.mark.django_db


def test_public_agenda_lists_public_events_only(client_as):
    EventFactory(title="Forum des parents Ariane", audience="public")
    EventFactory(title="Formation interne Bételgeuse")
    EventFactory(title="Copil Castor", audience="comite", committee="Comité de pilotage")
    for role in ("anonymous", "promeneur", "coordination"):
        body = client_as(role).get("/agenda/").content.decode()
        assert "Ariane" in body and "Bételgeuse" not in body and "Castor" not in body, role


def test_a_visitor_reads_that_registering_is_for_members(client_as):
    """A young person or a parent on a public event cannot have an account: the page says so."""
    event = EventFactory(title="Forum des parents Ariane", audience="public")
    body = client_as("anonymous").get(event.get_absolute_url()).content.decode()
    assert 'Inscription réservée aux membres du réseau : <a href="/connexion/?next=' in body


def test_a_single_place_is_singular(client_as):
    event = EventFactory(title="Entretien Ariane", audience="public", capacity=1)
    assert "1 place, 0 inscrit<" in client_as("anonymous").get("/agenda/").content.decode()
    assert "<dd>1 place, 1 restante</dd>" in client_as("anonymous").get(event.get_absolute_url()).content.decode()


def test_members_agenda_lists_what_the_member_may_see(client_as):
    EventFactory(title="Forum des parents Ariane", audience="public")
    EventFactory(title="Formation interne Bételgeuse")
    EventFactory(title="Copil Castor", audience="comite", committee="Comité de pilotage")
    body = client_as("promeneur").get("/espace/agenda/").content.decode()
    assert "Ariane" in body and "Bételgeuse" in body and "Castor" not in body
    body = client_as("coordination").get("/espace/agenda/").content.decode()
    assert "Castor" in body


def test_agenda_filters_by_kind(client_as):
    EventFactory(title="Analyse Pollux", kind="analyse")
    EventFactory(title="Formation Procyon", kind="formation")
    body = client_as("promeneur").get("/espace/agenda/?type=analyse").content.decode()
    assert "Pollux" in body and "Procyon" not in body
    assert '<option value="analyse" selected>' in body
    body = client_as("promeneur").get("/espace/agenda/?type=forum").content.decode()
    assert "Aucun événement à venir de ce type." in body and 'href="/espace/agenda/">Voir tout' in body


@pytest.mark.parametrize("url", ["/agenda/", "/espace/agenda/"])
def test_the_second_page_of_a_filtered_agenda_keeps_its_type(client_as, url):
    """25 events a page: the second page of ?type=analyse lists analyses only, and its links keep the type."""
    for i in range(30):
        EventFactory(title=f"Analyse Pollux {i}", kind="analyse", audience="public")
    for i in range(5):
        EventFactory(title=f"Formation Procyon {i}", kind="formation", audience="public")
    response = client_as("promeneur").get(url, {"type": "analyse", "page": 2})
    body = response.content.decode()
    events = response.context["events"]
    assert events.paginator.count == 30 and events.number == 2
    assert [event.kind for event in events] == ["analyse"] * 5 and "Procyon" not in body
    assert "Page 2 sur 2" in body
    assert 'href="?type=analyse&amp;page=1"' in body
    assert '<option value="analyse" selected>' in body
    body = client_as("promeneur").get("/espace/agenda/?type=forum").content.decode()
    assert "Aucun événement à venir de ce type." in body and 'href="/espace/agenda/">Voir tout' in body
    unfiltered = client_as("promeneur").get(url).content.decode()
    assert 'href="?page=2"' in unfiltered


@pytest.fixture
def training():
    page = TrainingPage(
        title="Posture du promeneur", slug="posture", objectives="<p>Objectif Mizar</p>", trainer="Alcor"
    )
    return publish_child(page_at("/espace/formations/"), page)


def test_training_page_shows_its_next_sessions_with_a_register_button(client_as, training):
    EventFactory(title="Posture – Perpignan", training=training, capacity=2)
    EventFactory(title="Autre formation", capacity=2)
    body = client_as("promeneur").get("/espace/formations/posture/").content.decode()
    assert "Objectif Mizar" in body and "Alcor" in body
    assert "M'inscrire" in body
    assert body.count("/inscription/") == 1
    index = client_as("promeneur").get("/espace/formations/").content.decode()
    assert "Posture – Perpignan" in index and "Autre formation" not in index


def test_a_full_session_offers_the_waiting_list(client_as, training):
    event = EventFactory(training=training, capacity=1)
    RegistrationFactory(event=event)
    body = client_as("promeneur").get("/espace/formations/posture/").content.decode()
    assert "Rejoindre la liste d'attente" in body


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/agenda/", "/espace/agenda/", "/espace/formations/", "/espace/formations/posture/"])
def test_agenda_pages_cost_the_same_number_of_queries_with_10_and_300_events(client_as, users, training, url):
    client = client_as("promeneur")

    def add_events(count):
        for i in range(count):
            event = EventFactory(audience="public" if i % 2 else "membres", capacity=20, training=training)
            RegistrationFactory(event=event, user=users["promeneur"] if i % 3 == 0 else UserFactory())

    add_events(10)
    client.get(url)  # warm caches (site, settings)
    few = _queries(client, url)
    add_events(290)
    many = _queries(client, url)
    assert few > 0
    assert few == many, f"{url}: {few} queries with 10 events, {many} with 300"


def test_my_registrations_cost_the_same_with_few_and_many(client_as, users):
    client = client_as("promeneur")
    for _ in range(3):
        RegistrationFactory(user=users["promeneur"])
    client.get("/espace/agenda/mes-inscriptions/")
    few = _queries(client, "/espace/agenda/mes-inscriptions/")
    assert few > 0
    for _ in range(60):
        RegistrationFactory(user=users["promeneur"])
    assert _queries(client, "/espace/agenda/mes-inscriptions/") == few


def test_my_registrations_show_what_is_coming_first_and_the_past_a_page_at_a_time(client_as, users):
    """Two years of trainings: the next one is on top, not under every past one (oldest first)."""
    now = timezone.now()
    for week in range(1, 31):
        RegistrationFactory(
            user=users["promeneur"], event__title=f"Passé {week:02d}", event__start=now - datetime.timedelta(weeks=week)
        )
    RegistrationFactory(user=users["promeneur"], event__title="À venir Vega")
    client = client_as("promeneur")
    body = client.get("/espace/agenda/mes-inscriptions/").content.decode()
    assert body.index("À venir Vega") < body.index("Passé 01") < body.index("Passé 25")
    assert "Passé 26" not in body and "Page suivante" in body
    second = client.get("/espace/agenda/mes-inscriptions/?page=2").content.decode()
    assert "Passé 30" in second and "Passé 25" not in second and "À venir Vega" in second


# Coordinator tools


@pytest.fixture
def event_with_registrations():
    event = EventFactory(title="Cadre juridique", capacity=2)
    alice = PromeneurFactory(user=UserFactory(first_name="Alice", last_name="Abadie"), structure__name="MJC Céret")
    RegistrationFactory(event=event, user=alice.user)
    RegistrationFactory(event=event, user=UserFactory(first_name="Bruno", last_name="=HYPERLINK(1)"))
    chloe = UserFactory(first_name="Chloé", last_name="Cases", role="promeneur")  # a member: told of her place
    RegistrationFactory(event=event, user=chloe, status="attente")
    RegistrationFactory(event=event, user=UserFactory(first_name="Denis", last_name="Durand"), status="annulee")
    return event


def test_coordinator_sees_registrations_by_status(client_as, event_with_registrations):
    body = client_as("coordination").get(f"/admin/agenda/{event_with_registrations.pk}/inscriptions/").content.decode()
    assert "Confirmée (2)" in body and "Liste d&#x27;attente (1)" in body and "Annulée (1)" in body
    assert "Alice Abadie" in body and "MJC Céret" in body
    assert "Présence d&#x27;Alice Abadie" in body and "Présence de Bruno" in body  # French elision


def test_csv_export(client_as, event_with_registrations):
    response = client_as("coordination").get(f"/admin/agenda/{event_with_registrations.pk}/inscriptions.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Nom", "Prénom", "E-mail", "Structure", "Statut", "Inscrit le", "Présence"]
    assert len(rows) == 5
    assert rows[1][:2] == ["Abadie", "Alice"] and rows[1][3] == "MJC Céret"
    assert "'=HYPERLINK(1)" in [row[0] for row in rows]  # never read as a formula


def test_xlsx_export(client_as, event_with_registrations):
    response = client_as("coordination").get(f"/admin/agenda/{event_with_registrations.pk}/inscriptions.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "Nom" and len(values) == 5
    assert {row[4] for row in values[1:]} == {"Confirmée", "Liste d'attente", "Annulée"}


def started(event):
    """The event began an hour ago: its attendance may be marked."""
    now = timezone.now()
    type(event).objects.filter(pk=event.pk).update(start=now - datetime.timedelta(hours=1), end=now)
    return event


def test_attendance_is_marked_from_the_start_of_the_event(client_as, event_with_registrations):
    event = event_with_registrations
    confirmed = event.registrations.filter(status="confirmee").first()
    client = client_as("coordination")
    screen = client.get(f"/admin/agenda/{event.pk}/inscriptions/").content.decode()
    assert "Les présences se saisissent à partir du début de l'événement" in screen
    assert "Enregistrer les présences" not in screen and f'id="attended-{confirmed.pk}" disabled' in screen
    response = client.post(f"/admin/agenda/{event.pk}/inscriptions/", {f"attended-{confirmed.pk}": "1"}, follow=True)
    assert "rien n&#x27;a été enregistré" in response.content.decode()
    confirmed.refresh_from_db()
    assert confirmed.attended is None
    started(event)
    screen = client.get(f"/admin/agenda/{event.pk}/inscriptions/").content.decode()
    assert "Enregistrer les présences" in screen and "Annuler l&#x27;inscription" not in screen


def test_attendance_marking(client_as, event_with_registrations):
    started(event_with_registrations)
    confirmed = list(event_with_registrations.registrations.filter(status="confirmee").order_by("pk"))
    response = client_as("coordination").post(
        f"/admin/agenda/{event_with_registrations.pk}/inscriptions/",
        {f"attended-{confirmed[0].pk}": "1", f"attended-{confirmed[1].pk}": "0"},
        follow=True,
    )
    assert "Présences enregistrées (2 modifications)" in response.content.decode()
    assert [r.attended for r in event_with_registrations.registrations.filter(status="confirmee").order_by("pk")] == [
        True,
        False,
    ]


def test_an_attendance_answer_that_is_not_a_choice_is_refused_in_french(client_as, event_with_registrations):
    started(event_with_registrations)
    confirmed = list(event_with_registrations.registrations.filter(status="confirmee").order_by("pk"))
    response = client_as("coordination").post(
        f"/admin/agenda/{event_with_registrations.pk}/inscriptions/",
        {f"attended-{confirmed[0].pk}": "peut-être", f"attended-{confirmed[1].pk}": "1"},
        follow=True,
    )
    body = response.content.decode()
    assert "1 présence non reconnue : choisissez Présent, Absent ou Non renseigné." in body
    assert "Présences enregistrées (1 modification)" in body
    confirmed[0].refresh_from_db()
    confirmed[1].refresh_from_db()
    assert (confirmed[0].attended, confirmed[1].attended) == (None, True)


def test_coordinator_cancels_a_registration_and_the_waiting_list_gets_the_place(
    client_as, event_with_registrations, django_capture_on_commit_callbacks
):
    """A member phones to say they cannot come: the coordinator cancels their registration from
    the registrations screen, and the first on the waiting list gets the place and an e-mail."""
    event = event_with_registrations
    alice = event.registrations.get(user__first_name="Alice")
    chloe = event.registrations.get(user__first_name="Chloé")
    client = client_as("coordination")
    screen = client.get(f"/admin/agenda/{event.pk}/inscriptions/").content.decode()
    url = f"/admin/agenda/{event.pk}/inscriptions/{alice.pk}/annuler/"
    assert f'formaction="{url}"' in screen and "Annuler l'inscription d&#x27;Alice Abadie" in screen
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)

    assert "Inscription d&#x27;Alice Abadie annulée." in response.content.decode()
    alice.refresh_from_db()
    chloe.refresh_from_db()
    assert alice.status == "annulee" and alice.cancelled_at is not None
    assert chloe.status == "confirmee"
    assert [m.to for m in mail.outbox] == [[chloe.user.email]]
    # Cancelled already: nothing to cancel twice.
    assert client.post(url).status_code == 404


def test_a_registration_to_an_event_that_has_begun_is_not_cancelled(client_as, event_with_registrations):
    event = event_with_registrations
    event.start, event.end = timezone.now() - datetime.timedelta(hours=1), timezone.now() + datetime.timedelta(hours=1)
    event.save()
    alice = event.registrations.get(user__first_name="Alice")
    client = client_as("coordination")
    assert "/annuler/" not in client.get(f"/admin/agenda/{event.pk}/inscriptions/").content.decode()
    response = client.post(f"/admin/agenda/{event.pk}/inscriptions/{alice.pk}/annuler/", follow=True)
    assert "Cet événement a déjà commencé : l&#x27;inscription ne peut plus être annulée." in response.content.decode()
    alice.refresh_from_db()
    assert alice.status == "confirmee"


def test_sign_in_sheet_lists_confirmed_registrants(client_as, event_with_registrations):
    body = client_as("coordination").get(f"/admin/agenda/{event_with_registrations.pk}/emargement/").content.decode()
    assert "Feuille d'émargement" in body and "Abadie" in body
    assert "Cases" not in body and "Durand" not in body
    assert "2 personnes inscrites" in body


def test_coordinator_tools_are_refused_to_others(client_as, event_with_registrations):
    url = f"/admin/agenda/{event_with_registrations.pk}/inscriptions.csv"
    assert client_as("promeneur").get(url).status_code == 302
    assert client_as("anonymous").get(url)["Location"].startswith("/admin/login/")


def test_an_event_page_names_its_training_only_to_whoever_may_open_the_training(client_as, training):
    """A training's page is in the members' space: a public or a committee's session of it must not
    give its title away (nor a draft's) to a visitor who may not open it."""
    public = EventFactory(title="Session ouverte", audience="public", training=training)
    copil = EventFactory(title="Session du copil", audience="comite", committee="Comité de pilotage", training=training)
    for role, event in (("anonymous", public), ("pilotage", copil)):
        body = client_as(role).get(event.get_absolute_url()).content.decode()
        assert event.title in body and "Posture du promeneur" not in body and "/espace/formations/" not in body, role
    assert "Posture du promeneur" in client_as("promeneur").get(public.get_absolute_url()).content.decode()
    training.unpublish()
    assert "Posture du promeneur" not in client_as("promeneur").get(public.get_absolute_url()).content.decode()
