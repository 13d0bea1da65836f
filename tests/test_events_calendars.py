"""Calendar files parse back with icalendar, in Europe/Paris, with the right events only."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from icalendar import Calendar

from network.events.models import CALENDAR_PURPOSE
from tests.factories import EventFactory, RegistrationFactory, _in_days
from workspace.accounts.tokens import SecretToken

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
COPIL = "Comité de pilotage"


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def summaries(calendar):
    return {str(component["SUMMARY"]) for component in calendar.walk("VEVENT")}


@pytest.fixture
def agenda():
    return {
        "public": EventFactory(title="Forum public", audience="public", start=_in_days(5, 14), end=_in_days(5, 18)),
        "members": EventFactory(title="Formation des membres"),
        "copil": EventFactory(title="Comité de pilotage secret", audience="comite", committee=COPIL),
        "past": EventFactory(title="Forum passé", audience="public", start=_in_days(-5, 14), end=_in_days(-5, 18)),
    }


def test_public_calendar_holds_upcoming_public_events_only_in_paris_time(client, agenda):
    calendar = parse(client.get("/agenda.ics"))
    assert summaries(calendar) == {"Forum public"}
    assert str(calendar["VERSION"]) == "2.0"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    # No line in English in what a member's calendar app may show (icalendar comments its VTIMEZONE).
    assert "COMMENT" not in calendar.walk("VTIMEZONE")[0]
    vevent = calendar.walk("VEVENT")[0]
    start = vevent.decoded("DTSTART")
    assert start.tzinfo.key == "Europe/Paris"
    assert start == agenda["public"].start
    assert start.astimezone(PARIS).hour == 14
    assert vevent.decoded("DTEND") - start == datetime.timedelta(hours=4)
    assert str(vevent["UID"]) == f"evenement-{agenda['public'].pk}@promeneursdunet66"


def test_an_event_file_respects_who_may_see_the_event(client_as, users, agenda):
    copil_ics = f"/evenements/{agenda['copil'].pk}/evenement.ics"
    assert summaries(parse(client_as("pilotage").get(copil_ics))) == {"Comité de pilotage secret"}
    assert summaries(parse(client_as("coordination").get(copil_ics))) == {"Comité de pilotage secret"}
    assert client_as("promeneur").get(copil_ics).status_code == 404
    assert client_as("financeurs").get(copil_ics).status_code == 404
    assert client_as("anonymous").get(copil_ics).status_code == 302
    members_ics = f"/evenements/{agenda['members'].pk}/evenement.ics"
    assert summaries(parse(client_as("promeneur").get(members_ics))) == {"Formation des membres"}


def test_personal_calendar_holds_members_events_and_own_registrations(client, users, agenda):
    promeneur = users["promeneur"]
    RegistrationFactory(event=agenda["public"], user=promeneur, status="attente")
    token = SecretToken.for_user(promeneur, CALENDAR_PURPOSE)
    calendar = parse(client.get(f"/calendrier/{token.key}.ics"))
    assert summaries(calendar) == {"Formation des membres", "Forum public (liste d'attente)"}


def test_a_committee_event_reaches_only_its_committee_and_coordination_calendars(client, users, agenda):
    for role, sees in (("pilotage", True), ("coordination", True), ("promeneur", False), ("financeurs", False)):
        token = SecretToken.for_user(users[role], CALENDAR_PURPOSE)
        titles = summaries(parse(client.get(f"/calendrier/{token.key}.ics")))
        assert ("Comité de pilotage secret" in titles) is sees, role


def test_personal_calendar_needs_a_valid_token_and_a_reset_revokes_the_old_one(client, client_as, users, agenda):
    assert client.get("/calendrier/pas-un-jeton.ics").status_code == 404
    token = SecretToken.for_user(users["promeneur"], CALENDAR_PURPOSE)
    old = token.key
    assert client.get(f"/calendrier/{old}.ics").status_code == 200

    member = client_as("promeneur")
    page = member.get("/espace/agenda/mes-inscriptions/").content.decode()
    assert f"/calendrier/{old}.ics" in page
    response = member.post("/espace/agenda/mes-inscriptions/", {"action": "reset-calendar"}, follow=True)
    assert "renouvelée" in response.content.decode()
    token.refresh_from_db()
    assert token.key != old
    assert client.get(f"/calendrier/{old}.ics").status_code == 404
    assert client.get(f"/calendrier/{token.key}.ics").status_code == 200


@override_settings(SITE_URL="https://promeneurs.example.org")
def test_the_personal_calendar_address_is_on_the_site_address(client_as, users, agenda):
    """The address to copy into a calendar application starts with SITE_URL, whatever the request's host."""
    key = SecretToken.for_user(users["promeneur"], CALENDAR_PURPOSE).key
    page = client_as("promeneur").get("/espace/agenda/mes-inscriptions/", HTTP_HOST="autre.example.com")
    body = page.content.decode()
    assert f"https://promeneurs.example.org/calendrier/{key}.ics" in body
    assert "autre.example.com" not in body


def test_an_inactive_members_calendar_is_closed(client, users):
    token = SecretToken.for_user(users["promeneur"], CALENDAR_PURPOSE)
    users["promeneur"].is_active = False
    users["promeneur"].save()
    assert client.get(f"/calendrier/{token.key}.ics").status_code == 404


def test_a_cancelled_event_is_marked_cancelled_in_calendars(client):
    EventFactory(title="Forum annulé", audience="public", is_cancelled=True)
    vevent = parse(client.get("/agenda.ics")).walk("VEVENT")[0]
    assert str(vevent["STATUS"]) == "CANCELLED"
