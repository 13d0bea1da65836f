"""Plain-text e-mails arrive as written: never HTML-escaped, subject on one line, links to SITE_URL."""

import datetime
import uuid
from io import StringIO

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from network.activity.notifications import notify_support_needed
from network.directory.privacy import notify_coordination
from network.events import registrations
from tests.exchanges_helpers import discussion_action
from tests.factories import (
    ActivityGridFactory,
    DiscussionFactory,
    EventFactory,
    PromeneurFactory,
    StructureFactory,
    UserFactory,
)
from workspace.mail import render_subject

pytestmark = pytest.mark.django_db

STRUCTURE = "Maison des jeunes d'Elne & Co"
TITLE = "Atelier d'écriture & jeux vidéo"
ESCAPED = ("&#x27;", "&#39;", "&amp;", "&quot;", "&lt;", "&gt;")


def only_message():
    [message] = mail.outbox
    for text in (message.subject, message.body):
        assert not any(entity in text for entity in ESCAPED), text
    assert "\n" not in message.subject
    return message


@pytest.fixture
def elne():
    return PromeneurFactory(
        first_name="Zoé", structure=StructureFactory(name=STRUCTURE), user=UserFactory(username="zoe", role="promeneur")
    )


def test_grid_reminder_names_the_month_unescaped(elne, settings):
    settings.SITE_URL = "https://pdn66.example.org"
    mail.outbox.clear()
    call_command("send_activity_reminders", "--mois", "2025-10", stdout=StringIO())
    [message] = [m for m in mail.outbox if m.to == [elne.email]]
    mail.outbox[:] = [message]
    only_message()
    assert message.subject == "Votre grille d'activité d'octobre 2025 est attendue"
    assert "Votre grille d'activité d'octobre 2025 n'a pas encore été transmise" in message.body
    assert "https://pdn66.example.org/espace/mon-activite/" in message.body


def test_support_needed_alert_names_the_structure_unescaped(elne):
    grid = ActivityGridFactory(
        promeneur=elne, month=datetime.date(2025, 10, 1), support_needed="Besoin d'un avis & vite."
    )
    mail.outbox.clear()
    notify_support_needed(grid, "/espace/mon-activite/grilles/1/")
    message = only_message()
    assert message.subject == f"Besoin d'appui : {elne.full_name}, grille d'octobre 2025"
    assert f"({STRUCTURE})" in message.body and "Besoin d'un avis & vite." in message.body


def test_profile_change_alert_names_the_structure_unescaped(elne):
    mail.outbox.clear()
    notify_coordination(elne)
    message = only_message()
    assert f"({STRUCTURE}) vient de modifier son profil" in message.body
    assert "http://testserver/admin/annuaire/profils-modifies/" in message.body


def test_event_registration_is_unescaped(users, django_capture_on_commit_callbacks):
    event = EventFactory(title=TITLE, place=STRUCTURE, capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        registrations.register(event, users["promeneur"])
    message = only_message()
    assert message.subject == f"Inscription confirmée : {TITLE}"
    assert TITLE in message.body and f"Lieu : {STRUCTURE}" in message.body
    assert f"http://testserver/evenements/{event.pk}/" in message.body
    # The way to cancel, not « rendez-vous sur la page de l'événement » to look for it there.
    assert f"Pour annuler votre inscription : http://testserver/evenements/{event.pk}/annulation/" in message.body


@pytest.mark.parametrize(
    ("days", "line"),
    [
        (0, "Le mardi 1er décembre 2026 de 9h30 à 12h00"),
        # It read « de 9h30 à 17h00 (jusqu'au 3 décembre 2026) », as if every day ran 9h30 to 17h00.
        (2, "Du mardi 1er décembre 2026 à 9h30 au jeudi 3 décembre 2026 à 17h00"),
    ],
)
def test_an_event_e_mail_says_when_it_starts_and_ends(users, django_capture_on_commit_callbacks, days, line):
    start = timezone.make_aware(datetime.datetime(2026, 12, 1, 9, 30))
    end = timezone.make_aware(datetime.datetime(2026, 12, 1 + days, 12 if days == 0 else 17))
    with django_capture_on_commit_callbacks(execute=True):
        registrations.register(EventFactory(start=start, end=end, capacity=5), users["promeneur"])
    assert line in only_message().body.splitlines()


def test_reply_notification_is_unescaped(client, users):
    discussion = DiscussionFactory(title=TITLE, author=users["promeneur"])
    replier = UserFactory(username="karim", first_name="Karim", role="promeneur")
    client.force_login(replier)
    mail.outbox.clear()
    body = f"Voyez avec la {STRUCTURE}, c'est <leur> projet."
    client.post(discussion_action(discussion, "repondre"), {"body": body, "form_token": str(uuid.uuid4())})
    message = only_message()
    assert message.subject == f"Nouvelle réponse : {TITLE}"
    assert f"« {TITLE} »" in message.body and STRUCTURE in message.body


def test_digest_is_unescaped(users):
    DiscussionFactory(title=TITLE)
    mail.outbox.clear()
    call_command("send_weekly_digest", stdout=StringIO())
    [message] = [m for m in mail.outbox if m.to == [users["promeneur"].email]]
    mail.outbox[:] = [message]
    only_message()
    assert message.subject == "Cette semaine dans l'espace des Promeneurs du Net 66"
    assert f"- {TITLE} (" in message.body


def test_a_subject_is_one_line_whatever_the_template(tmp_path, settings):
    (tmp_path / "subject.txt").write_text("  Rappel :\n  {{ title }}\n\n")
    settings.TEMPLATES = [{**settings.TEMPLATES[1], "DIRS": [tmp_path]}]
    assert render_subject("subject.txt", {"title": TITLE}) == f"Rappel : {TITLE}"


@pytest.mark.parametrize(
    ("first_name", "first_line"), [("Lucie", "Bonjour Lucie,"), ("", "Bonjour,"), ("  ", "Bonjour,")]
)
def test_an_e_mail_greets_by_first_name_or_plainly(first_name, first_line, django_capture_on_commit_callbacks):
    """Never « Bonjour , » nor « Bonjour lucie.martin, »: every e-mail to a person begins the same way."""
    member = UserFactory(username="lucie.martin", first_name=first_name, last_name="Martin", role="promeneur")
    with django_capture_on_commit_callbacks(execute=True):
        registrations.register(EventFactory(capacity=5), member)
    assert only_message().body.splitlines()[0] == first_line


def test_the_dry_run_of_the_grid_reminder_leaves_out_who_turned_it_off(elne):
    """``--essai`` lists whom the real sending reminds: not a promeneur who unsubscribed."""
    other = PromeneurFactory(first_name="Ana", user=UserFactory(username="ana", role="promeneur"))
    elne.grid_reminders = False
    elne.save(update_fields=["grid_reminders"])
    out = StringIO()
    call_command("send_activity_reminders", "--mois", "2025-10", "--essai", stdout=out)
    assert elne.email not in out.getvalue()
    assert other.email in out.getvalue()
    assert "1 promeneur serait rappelé" in out.getvalue()
    mail.outbox.clear()
    call_command("send_activity_reminders", "--mois", "2025-10", stdout=StringIO())
    assert [message.to for message in mail.outbox] == [[other.email]]


SIGNATURE = "La coordination des Promeneurs du Net 66"
# E-mails to the coordination itself: no signature, a footer that says what they are.
TO_THE_COORDINATION = {
    "activity/emails/support_needed.txt",
    "directory/emails/profile_changed.txt",
    "exchanges/emails/report.txt",
    "home/emails/contact_message.txt",
    "home/emails/application_notice.txt",
}


def e_mail_bodies():
    for app in ("home", "network", "resources", "workspace"):
        for path in (settings.BASE_DIR / app).glob("**/templates/*/emails/*.txt"):
            if not path.stem.endswith("_subject") and not path.name.startswith("_"):
                yield f"{path.parent.parent.name}/emails/{path.name}", path.read_text()


def test_every_e_mail_closes_the_same_way():
    """Every e-mail to a person is signed by the coordination, in the same words (the committees'
    e-mails said « La coordination départementale… », the exchanges' and the digest nothing); an
    e-mail to the coordination ends with a footer."""
    bodies = dict(e_mail_bodies())
    assert len(bodies) >= 20 and set(bodies) >= TO_THE_COORDINATION
    for name, body in bodies.items():
        text, footer, _ = body.partition("\n--\n")
        last_line = text.rstrip().splitlines()[-1]
        if name in TO_THE_COORDINATION:
            assert footer and SIGNATURE not in body, name
        else:
            assert last_line == SIGNATURE, name
