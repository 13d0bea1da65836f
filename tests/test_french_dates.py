"""Dates read the French way wherever the site writes them: the first of the month is "1er"
("mardi 1er décembre 2026") and the hour "14h30", in Paris time, on pages, in e-mails, in messages
and in the cockpit."""

import datetime

import pytest
from django.template import engines
from django.utils import timezone

from network.events import registrations
from tests.exchanges_helpers import discussion_url
from tests.factories import DiscussionFactory, EventFactory
from workspace.display import french_date

PARIS = timezone.get_fixed_timezone(60)


@pytest.mark.parametrize(
    ("value", "format_string", "expected"),
    [
        (datetime.date(2026, 12, 1), "j F Y", "1er décembre 2026"),
        (datetime.date(2026, 12, 2), "j F Y", "2 décembre 2026"),
        (datetime.date(2026, 6, 1), "l j F", "lundi 1er juin"),
        # 23:30 UTC on 30 November is half past midnight on 1 December in Paris.
        (datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC), "j F Y à H:i", "1er décembre 2026 à 0h30"),
        (datetime.datetime(2026, 12, 1, 23, 30, tzinfo=datetime.UTC), "j F Y", "2 décembre 2026"),
        # The hour reads "14h05", "9h05" (no leading zero); an escaped colon stays a colon.
        (datetime.datetime(2026, 12, 3, 13, 5, tzinfo=datetime.UTC), "l j F Y à H:i", "jeudi 3 décembre 2026 à 14h05"),
        (datetime.datetime(2026, 12, 3, 8, 5, tzinfo=datetime.UTC), "H:i", "9h05"),
        (datetime.datetime(2026, 12, 3, 13, 5, tzinfo=datetime.UTC), r"H\:i", "14:05"),
        # An escaped j is a letter, not the day.
        (datetime.date(2026, 12, 1), r"\j j", "j 1er"),
        (None, "j F Y", ""),
        ("", "j F Y", ""),
    ],
)
def test_french_date(value, format_string, expected):
    assert french_date(value, format_string) == expected


def test_the_template_filter_writes_the_same_and_gives_way_to_default():
    template = engines["django"].from_string(
        '{% load display_tags %}{{ day|french_date:"l j F Y" }} · {{ nothing|french_date:"j F Y"|default:"jamais" }}'
    )
    assert template.render({"day": datetime.date(2026, 12, 1), "nothing": None}) == "mardi 1er décembre 2026 · jamais"


@pytest.mark.django_db
def test_an_event_on_the_first_of_the_month_reads_1er_on_its_page_and_in_the_agenda(client_as, users):
    start = datetime.datetime(2027, 3, 1, 14, 0, tzinfo=PARIS)
    event = EventFactory(title="Rencontre départementale", start=start, end=start + datetime.timedelta(hours=3))
    client = client_as("promeneur")
    page = client.get(event.get_absolute_url()).content.decode()
    assert "lundi 1er mars 2027" in page and "lundi 1 mars" not in page
    agenda = client.get("/espace/agenda/").content.decode()
    assert "1er mars 2027" in agenda


@pytest.mark.django_db
def test_hours_read_the_same_on_an_event_a_message_and_a_refused_registration(client_as, users):
    """One way to write an hour ("14h00"), where the event page, the exchanges and the registration
    rules used to write "14h00" for some and "14:00" for others."""
    start = datetime.datetime(2027, 3, 2, 14, 0, tzinfo=PARIS)
    event = EventFactory(start=start, end=start + datetime.timedelta(hours=3))
    client = client_as("promeneur")
    assert "14h00" in client.get(event.get_absolute_url()).content.decode()

    discussion = DiscussionFactory(author=users["promeneur"])
    discussion.messages.update(created_at=datetime.datetime(2026, 11, 3, 9, 45, tzinfo=PARIS))
    page = client.get(discussion_url(discussion)).content.decode()
    assert "3 novembre 2026 à 9h45" in page and "à 09:45" not in page

    event.registration_deadline = datetime.datetime(2026, 11, 1, 18, 0, tzinfo=PARIS)
    event.save()
    with pytest.raises(registrations.RegistrationError) as refusal:
        registrations.check_can_register(event, users["promeneur"])
    assert "(dimanche 1er novembre 2026 à 18h00)" in str(refusal.value)
