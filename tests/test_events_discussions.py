"""Practice-analysis sessions linked to the exchanges they discussed (issue 6, part 5):
the admin link, who sees the titles on the event page, "Discutée lors de" on a discussion,
and the agenda section of the weekly digest."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network.events.models import Event
from resources.exchanges import rules, sessions
from tests.exchanges_helpers import discussion_url
from tests.factories import DiscussionFactory, EventFactory, _in_days

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Analyse de pratiques – février",
    "kind": "analyse",
    "start": "2031-02-10 14:00",
    "end": "2031-02-10 16:00",
    "place": "Perpignan",
    "audience": "membres",
    "registration_open": "on",
}


def past_session(**fields):
    return EventFactory(kind="analyse", start=_in_days(-10, 14), end=_in_days(-10, 16), **fields)


# The link in the admin


def test_the_coordinator_links_a_session_to_discussions_in_the_event_form(client_as):
    shown = DiscussionFactory(title="Story inquiétante Véga")
    other = DiscussionFactory(title="Salon Discord Rigel")
    hidden = DiscussionFactory(title="Discussion masquée Deneb", hidden=True)
    client = client_as("coordination")

    form_page = client.get("/admin/snippets/events/event/add/").content.decode()
    assert "Story inquiétante Véga" in form_page and "Salon Discord Rigel" in form_page
    assert "Deneb" not in form_page  # a hidden discussion is not offered

    response = client.post("/admin/snippets/events/event/add/", {**FORM, "discussions": [shown.pk, other.pk]})
    assert response.status_code == 302, response.content.decode()[:2000]
    event = Event.objects.get(title=FORM["title"])
    assert set(event.discussions.all()) == {shown, other}

    # Posting a hidden discussion directly is refused with the field's French message.
    response = client.post(f"/admin/snippets/events/event/edit/{event.pk}/", {**FORM, "discussions": [hidden.pk]})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert set(event.discussions.all()) == {shown, other}


def test_the_sessions_ask_the_discussions_rule_of_every_member(users, monkeypatch):
    """The event page, the form's choices and its initial value read what every member may read
    from rules.visible_to_every_member, not a filter of their own: a stricter rule reaches them."""
    kept, drafted = DiscussionFactory(title="Story Véga"), DiscussionFactory(title="Brouillon Rigel")
    event = past_session()
    event.discussions.set([kept, drafted])
    plain = rules.visible_to_every_member
    monkeypatch.setattr(
        rules,
        "visible_to_every_member",
        lambda prefix="": plain(prefix) & ~Q(**{f"{prefix}title__startswith": "Brouillon"}),
    )
    field = sessions.DiscussedExchangesField()
    assert sessions.discussions_shown_on(event, users["promeneur"]) == [kept]
    assert list(field.form_field().queryset) == [kept]
    assert field.initial(event) == [kept.pk]
    field.save(event, [])
    assert list(event.discussions.all()) == [drafted]  # not offered by the form: kept linked


def test_a_linked_discussion_hidden_since_is_kept_by_the_next_save(client_as):
    event = past_session(title="Analyse de pratiques – mars")
    kept, later_hidden = DiscussionFactory(title="Gardée"), DiscussionFactory(title="Masquée ensuite")
    event.discussions.add(kept, later_hidden)
    later_hidden.hidden = True
    later_hidden.save()
    client = client_as("coordination")
    form = {
        **FORM,
        "title": event.title,
        "start": timezone.localtime(event.start).strftime("%Y-%m-%d %H:%M"),
        "end": timezone.localtime(event.end).strftime("%Y-%m-%d %H:%M"),
    }
    response = client.post(f"/admin/snippets/events/event/edit/{event.pk}/", {**form, "discussions": [kept.pk]})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(event.discussions.all()) == {kept, later_hidden}


# The event page


@pytest.mark.parametrize("role", ["anonymous", "pilotage", "financeurs", "technique"])
def test_discussion_titles_never_reach_a_non_member_on_a_public_event_page(client_as, role):
    event = past_session(title="Forum public Altaïr", audience="public")
    event.discussions.add(DiscussionFactory(title="Story inquiétante Véga"))
    response = client_as(role).get(event.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert "Forum public Altaïr" in body
    assert "Véga" not in body and "Échanges discutés" not in body


@pytest.mark.parametrize("role", ["promeneur", "coordination"])
def test_a_member_sees_the_discussed_exchanges_but_never_a_hidden_one(client_as, role):
    event = past_session(title="Analyse de pratiques – janvier", audience="public")
    shown = DiscussionFactory(title="Story inquiétante Véga")
    hidden = DiscussionFactory(title="Discussion masquée Deneb", hidden=True)
    event.discussions.add(shown, hidden)
    body = client_as(role).get(event.get_absolute_url()).content.decode()
    assert "Échanges discutés lors de cette séance" in body
    assert f'href="{discussion_url(shown)}"' in body and "Story inquiétante Véga" in body
    assert "Deneb" not in body


def test_the_event_page_costs_the_same_queries_with_one_or_ten_discussions(client_as):
    client = client_as("promeneur")

    def queries_for(count):
        event = past_session()
        event.discussions.add(*DiscussionFactory.create_batch(count))
        client.get(event.get_absolute_url())  # warm the caches (site, page tree)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(event.get_absolute_url())
        assert response.content.decode().count('class="event-discussions"') == 1
        return len(captured)

    assert queries_for(1) == queries_for(10)


# The discussion page


def test_the_discussion_page_names_the_sessions_the_viewer_may_see(client_as, users):
    discussion = DiscussionFactory(title="Story inquiétante Véga")
    members_session = past_session(title="Analyse de pratiques – janvier")
    committee_session = past_session(
        title="Comité technique Bellatrix", audience="comite", committee="Comité technique"
    )
    members_session.discussions.add(discussion)
    committee_session.discussions.add(discussion)

    body = client_as("promeneur").get(discussion_url(discussion)).content.decode()
    assert "Discutée lors de :" in body
    assert f'href="{members_session.get_absolute_url()}"' in body and "Analyse de pratiques – janvier" in body
    assert "Bellatrix" not in body  # Event.objects.visible_to: not the promeneur's committee

    body = client_as("coordination").get(discussion_url(discussion)).content.decode()
    assert "Analyse de pratiques – janvier" in body and "Comité technique Bellatrix" in body


def test_a_discussion_without_session_says_nothing_about_sessions(client_as):
    discussion = DiscussionFactory()
    assert "Discutée lors de" not in client_as("promeneur").get(discussion_url(discussion)).content.decode()


def test_the_discussion_page_costs_the_same_queries_with_one_or_five_sessions(client_as):
    client = client_as("promeneur")

    def queries_for(count):
        discussion = DiscussionFactory()
        for _ in range(count):
            past_session().discussions.add(discussion)
        client.get(discussion_url(discussion))
        with CaptureQueriesContext(connection) as captured:
            response = client.get(discussion_url(discussion))
        assert response.content.decode().count("Discutée lors de :") == 1
        return len(captured)

    assert queries_for(1) == queries_for(5)


# The weekly digest


def digest_of(user):
    [message] = [m for m in mail.outbox if m.to == [user.email]]
    return message.body


def test_the_digest_announces_new_upcoming_events_the_member_may_see(users):
    promeneur, coordination = users["promeneur"], users["coordination"]
    members_event = EventFactory(title="Rencontre départementale Véga", start=_in_days(30, 9), end=_in_days(30, 17))
    EventFactory(title="Forum public Rigel", audience="public")
    EventFactory(title="Comité technique Bellatrix", audience="comite", committee="Comité technique")
    EventFactory(title="Séance annulée Mira", is_cancelled=True)
    past_session(title="Analyse passée Sirius")
    old = EventFactory(title="Annoncée il y a longtemps Antarès")
    Event.objects.filter(pk=old.pk).update(created_at=timezone.now() - timezone.timedelta(days=20))
    mail.outbox.clear()

    call_command("send_weekly_digest", stdout=StringIO())

    body = digest_of(promeneur)
    assert "Nouveaux rendez-vous à l'agenda" in body
    assert "Rencontre départementale Véga" in body and members_event.get_absolute_url() in body
    assert "Forum public Rigel" in body
    for absent in ("Bellatrix", "Mira", "Sirius", "Antarès"):
        assert absent not in body
    # The coordination sees every event, committee ones included.
    assert "Comité technique Bellatrix" in digest_of(coordination)

    # Announced once: a second run finds nothing new.
    mail.outbox.clear()
    call_command("send_weekly_digest", stdout=StringIO())
    assert mail.outbox == []


def test_a_week_with_only_a_committee_event_sends_nothing_to_a_promeneur(users):
    EventFactory(title="Comité de pilotage Bellatrix", audience="comite", committee="Comité de pilotage")
    mail.outbox.clear()
    call_command("send_weekly_digest", stdout=StringIO())
    assert not [m for m in mail.outbox if m.to == [users["promeneur"].email]]
    assert "Bellatrix" in digest_of(users["coordination"])


# Demo content


def test_the_demo_links_the_past_practice_session_to_two_exchanges_even_when_run_twice():
    from network.directory import demo
    from network.events import demo as demo_events
    from resources.exchanges import demo as demo_exchanges

    for _ in range(2):
        for loader in (demo.load, demo_events.load, demo_exchanges.load):
            loader(StringIO())
    session = Event.objects.get(title=demo_events.PAST_PRACTICE_SESSION)
    assert session.is_past
    assert sorted(session.discussions.values_list("title", flat=True)) == sorted(demo_exchanges.DISCUSSED)
