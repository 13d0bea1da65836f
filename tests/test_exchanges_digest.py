"""The weekly digest command: new discussions and new pages of the space, opt-out, no repeat."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Q
from django.utils import timezone

from home.models import StandardPage
from resources.exchanges import digest, rules
from resources.exchanges.models.discussions import ExchangePreferences
from tests.factories import DiscussionFactory, EventFactory, UserFactory
from tests.pages import page_at, publish_child

pytestmark = pytest.mark.django_db


def digests_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_members_receive_new_exchanges_and_pages_of_the_space_once(users):
    promeneur, coordination = users["promeneur"], users["coordination"]
    DiscussionFactory(title="Discussion de la semaine Véga")
    DiscussionFactory(title="Discussion masquée Deneb", hidden=True)
    old = DiscussionFactory(title="Discussion ancienne Altaïr")
    old.created_at = timezone.now() - timezone.timedelta(days=10)
    old.save()
    publish_child(page_at("/espace/ressources/"), StandardPage(title="Fiche pratique Capella", slug="capella"))
    mail.outbox.clear()

    call_command("send_weekly_digest", stdout=StringIO())

    [message] = digests_to(promeneur.email)
    assert "Discussion de la semaine Véga" in message.body
    assert "Fiche pratique Capella" in message.body and "/espace/ressources/capella/" in message.body
    assert "Deneb" not in message.body and "Altaïr" not in message.body
    assert "/espace/echanges/preferences/" in message.body  # how to turn it off
    assert digests_to(coordination.email)
    # Committees are not members of the space.
    for role in ("pilotage", "financeurs", "technique"):
        assert not digests_to(users[role].email)

    # Run again: nothing new since the last digest, nothing sent.
    mail.outbox.clear()
    call_command("send_weekly_digest", stdout=StringIO())
    assert mail.outbox == []


def test_a_new_event_is_dated_as_on_the_agenda(users):
    start = timezone.make_aware(timezone.datetime(2099, 3, 14, 9, 30))
    EventFactory(title="Formation Rigel", start=start)
    [item] = digest.new_events(users["promeneur"], timezone.now() - timezone.timedelta(days=7)).items
    assert item.detail == "Formation · samedi 14 mars 2099 à 9h30"


def test_the_digest_asks_the_discussions_rule_of_every_member(users, monkeypatch):
    DiscussionFactory(title="Story Véga")
    DiscussionFactory(title="Brouillon Rigel")
    plain = rules.visible_to_every_member
    monkeypatch.setattr(
        rules,
        "visible_to_every_member",
        lambda prefix="": plain(prefix) & ~Q(**{f"{prefix}title__startswith": "Brouillon"}),
    )
    section = digest.new_discussions(users["promeneur"], timezone.now() - digest.DEFAULT_PERIOD)
    assert [item.title for item in section.items] == ["Story Véga"]


def test_a_member_who_turned_the_digest_off_gets_nothing(users):
    ExchangePreferences.objects.create(user=users["promeneur"], weekly_digest=False)
    DiscussionFactory(title="Nouveauté")
    mail.outbox.clear()
    call_command("send_weekly_digest", stdout=StringIO())
    assert not digests_to(users["promeneur"].email)
    assert digests_to(users["coordination"].email)


def test_dry_run_sends_nothing(users):
    DiscussionFactory(title="Nouveauté")
    mail.outbox.clear()
    assert digest.send_digests(dry_run=True) >= 1
    assert mail.outbox == []


def test_no_news_no_email(users):
    UserFactory(username="inactive", role="promeneur", is_active=False)
    mail.outbox.clear()
    assert digest.send_digests() == 0


def test_sections_are_a_list_other_features_extend():
    assert all(isinstance(path, str) for path in digest.SECTIONS)
    assert "resources.exchanges.digest.new_space_pages" in digest.SECTIONS


def test_demo_exchanges_cover_every_category_and_load_twice_without_duplicates(settings):
    from resources.exchanges.models.discussions import Category, Discussion
    from resources.exchanges.models.faq import FaqEntry

    settings.DEBUG = True
    for _ in range(2):
        call_command("load_demo", stdout=StringIO())
    assert Discussion.objects.count() == 6
    assert set(Discussion.objects.values_list("category", flat=True)) == set(Category.values)
    assert all(d.reply_count == d.messages.filter(is_opening=False).count() for d in Discussion.objects.all())
    assert FaqEntry.objects.filter(visibility="public", discussion__answer__isnull=False).count() == 1
    assert FaqEntry.objects.count() == 2


def test_the_command_says_how_many_letters_it_sends_in_french(users):
    DiscussionFactory(title="Discussion Polaris")
    out = StringIO()
    call_command("send_weekly_digest", "--dry-run", stdout=out)
    last = out.getvalue().splitlines()[-1]
    count = int(last.split()[0])
    assert count >= 1
    expected = "lettre hebdomadaire serait envoyée" if count == 1 else "lettres hebdomadaires seraient envoyées"
    assert last == f"{count} {expected}."


def test_a_late_run_misses_nothing_posted_since_the_last_digest(users):
    # Last digest on Monday 19 October 2026 at 7:00; the next Monday's run comes after the clock
    # change (a week of 169 hours), or an hour late: what was posted at 7:30 the week before is new.
    paris = timezone.get_current_timezone()
    last = timezone.datetime(2026, 10, 19, 7, 0, tzinfo=paris)
    ExchangePreferences.objects.create(user=users["promeneur"], digest_sent_at=last)
    posted = DiscussionFactory(title="Discussion de 7h30 Sirius")
    posted.created_at = last + timezone.timedelta(minutes=30)
    posted.save()
    mail.outbox.clear()

    # As timezone.now() gives it, in UTC: Python subtracts days from a Paris time on the wall clock.
    digest.send_digests(now=timezone.datetime(2026, 10, 26, 7, 0, tzinfo=paris).astimezone(datetime.UTC))

    [message] = digests_to(users["promeneur"].email)
    assert "Discussion de 7h30 Sirius" in message.body


def test_a_failure_on_one_member_neither_stops_the_others_nor_resends_on_the_next_run(users, monkeypatch):
    promeneur, coordination = users["promeneur"], users["coordination"]
    DiscussionFactory(title="Discussion Procyon")
    mail.outbox.clear()
    plain = digest.digest_message

    def failing_for_the_promeneur(user, sections, since):
        if user == promeneur:
            raise RuntimeError("gabarit cassé")
        return plain(user, sections, since)

    monkeypatch.setattr(digest, "digest_message", failing_for_the_promeneur)
    with pytest.raises(CommandError, match=promeneur.email):
        call_command("send_weekly_digest", stdout=StringIO())
    assert len(digests_to(coordination.email)) == 1
    assert not digests_to(promeneur.email)

    # The operator reruns it once the cause is fixed: the promeneur gets theirs, nobody a second one.
    monkeypatch.setattr(digest, "digest_message", plain)
    call_command("send_weekly_digest", stdout=StringIO())
    assert len(digests_to(coordination.email)) == 1
    assert len(digests_to(promeneur.email)) == 1
