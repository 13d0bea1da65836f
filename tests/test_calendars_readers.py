"""Every calendar file reads right in two iCalendar parsers nobody here wrote (icalendar and
vobject): plain-text descriptions (a paragraph a line, entities decoded, no tags), Paris times,
a waiting-list registration as TENTATIVE; a wrong, empty or very long token is a 404."""

from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar

from network.events.models import CALENDAR_PURPOSE
from tests.factories import EventFactory, RegistrationFactory, _in_days
from workspace.accounts.tokens import SecretToken

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
DESCRIPTION_HTML = (
    "<p>Parents &amp; ados : l&#x27;atelier</p><p>Deuxième paragraphe &lt;important&gt;</p>"
    "<ul><li>un</li><li>deux</li></ul>"
)
DESCRIPTION_TEXT = "Parents & ados : l'atelier\nDeuxième paragraphe <important>\n- un\n- deux"


def read_both(response):
    """(icalendar's VEVENTs, vobject's VEVENTs) of the calendar file."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode("utf-8")
    first = Calendar.from_ical(response.content).walk("VEVENT")
    second = list(vobject.readOne(text).vevent_list)
    assert len(first) == len(second)
    return first, second


def by_summary(first, second):
    return (
        {str(event["SUMMARY"]): event for event in first},
        {event.summary.value: event for event in second},
    )


@pytest.fixture
def workshop():
    return EventFactory(
        title="Atelier parents & ados",
        audience="public",
        description=DESCRIPTION_HTML,
        start=_in_days(6, 18),
        end=_in_days(6, 20),
    )


def test_public_calendar_reads_the_same_in_both_parsers_with_a_plain_text_description(client, workshop):
    first, second = read_both(client.get("/agenda.ics"))
    [ical], [vevent] = first, second
    assert str(ical["DESCRIPTION"]) == DESCRIPTION_TEXT
    assert vevent.description.value == DESCRIPTION_TEXT
    assert ical.decoded("DTSTART") == workshop.start == vevent.dtstart.value
    assert vevent.dtstart.value.astimezone(PARIS).hour == 18
    assert vevent.dtend.value == workshop.end
    assert str(ical["STATUS"]) == vevent.status.value == "CONFIRMED"


def test_a_waiting_list_registration_is_tentative_in_the_personal_calendar(client, users, workshop):
    full = EventFactory(title="Formation complète")
    confirmed = EventFactory(title="Formation confirmée")
    promeneur = users["promeneur"]
    RegistrationFactory(event=full, user=promeneur, status="attente")
    RegistrationFactory(event=confirmed, user=promeneur, status="confirmee")
    key = SecretToken.for_user(promeneur, CALENDAR_PURPOSE).key
    first, second = by_summary(*read_both(client.get(f"/calendrier/{key}.ics")))
    waiting, sure = "Formation complète (liste d'attente)", "Formation confirmée (confirmée)"
    assert str(first[waiting]["STATUS"]) == second[waiting].status.value == "TENTATIVE"
    assert str(first[sure]["STATUS"]) == second[sure].status.value == "CONFIRMED"


def test_an_event_file_and_the_registration_attachment_read_in_both_parsers(client_as, workshop):
    first, second = read_both(client_as("promeneur").get(f"/evenements/{workshop.pk}/evenement.ics"))
    assert second[0].description.value == DESCRIPTION_TEXT
    assert str(first[0]["URL"]).endswith(f"/evenements/{workshop.pk}/")


def test_the_confirmation_e_mail_calendar_reads_in_both_parsers(users, django_capture_on_commit_callbacks):
    from django.core import mail

    from network.events import registrations

    event = EventFactory(title="Atelier d'écriture", description=DESCRIPTION_HTML, capacity=5)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registrations.register(event, users["promeneur"])
    [attachment] = [content for _name, content, mimetype in mail.outbox[0].attachments if mimetype == "text/calendar"]
    text = attachment.decode() if isinstance(attachment, bytes) else attachment
    vevent = vobject.readOne(text).vevent
    assert vevent.description.value == DESCRIPTION_TEXT
    assert str(Calendar.from_ical(text).walk("VEVENT")[0]["STATUS"]) == "CONFIRMED"


@pytest.mark.parametrize("token", ["", "x", "a" * 43, "a" * 5000, "é" * 40, "..%2F..%2Fetc"])
def test_a_wrong_empty_or_very_long_token_is_a_404(client, users, token):
    assert client.get(f"/calendrier/{token}.ics").status_code == 404
