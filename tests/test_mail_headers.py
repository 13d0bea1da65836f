"""E-mails as mail clients expect them: every template renders a name holding an apostrophe, "&" and
"<" as written (plain text is never HTML-escaped); every e-mail says it is automatic
(Auto-Submitted); the digest and the grid reminder carry a one-click List-Unsubscribe (RFC 8058)
whose signed link turns the member's own preference off, and nobody else's."""

import base64
import datetime
import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from network.activity.models.grids import previous_month
from network.directory.models import Promeneur
from resources.exchanges.models.discussions import ExchangePreferences
from tests.factories import DiscussionFactory, PromeneurFactory, StructureFactory, UserFactory
from workspace import mail as site_mail

pytestmark = pytest.mark.django_db

NAME = "Maison d'Elne & <Co>"
ESCAPED = ("&#x27;", "&#39;", "&amp;", "&quot;", "&lt;", "&gt;")


class Anything:
    """Whatever a template asks of it (an attribute, a key, a loop), it answers with NAME."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return Anything()

    def __getitem__(self, key):
        return Anything()

    def __call__(self, *args, **kwargs):  # a method a filter calls (user.get_full_name())
        return Anything()

    def __iter__(self):
        return iter([Anything()])

    def __len__(self):
        return 1

    def __str__(self):
        return NAME


class Meeting(Anything):
    """A committee meeting: its date goes through the date filter."""

    @property
    def starts_at(self):
        return timezone.now()

    def __getitem__(self, key):
        raise KeyError(key)  # so that the template asks for the attribute


class EveryName(dict):
    """A template context that has every variable a template names, each one Anything."""

    def __contains__(self, key):
        return key not in ("True", "False", "None")

    def __missing__(self, key):
        return Anything()


def email_templates():
    """Every e-mail of the site, by stem: ``app/emails/name`` for name.txt and name_subject.txt."""
    root = Path(settings.BASE_DIR)
    stems = set()
    for body in root.glob("*/**/templates/*/emails/*.txt"):
        if ".venv" in body.parts or body.name.startswith("_") or body.stem.endswith("_subject"):
            continue
        stems.add(f"{body.parent.parent.name}/emails/{body.stem}")
    return sorted(stems)


def test_every_e_mail_template_is_found():
    assert len(email_templates()) >= 13
    assert {"exchanges/emails/digest", "activity/emails/grid_reminder", "accounts/emails/password_reset"} <= set(
        email_templates()
    )


@pytest.mark.parametrize("template", email_templates())
def test_every_e_mail_template_keeps_apostrophes_ampersands_and_brackets(template):
    context = EveryName()
    # The password reset template builds its link with {% url %}: it needs real values there.
    context.update(protocol="https", domain="pdn66.example.org", uid="MQ", token="abc-123")
    # What the templates give to the date filter.
    context.update(start=timezone.now(), end=timezone.now(), since=timezone.now(), valid_until=timezone.now())
    context.update(meeting=Meeting())
    subject, body = site_mail.render(template, context)
    for text in (subject, body):
        assert not any(entity in text for entity in ESCAPED), (template, text)
    assert NAME in subject + body, template
    assert "\n" not in subject


@pytest.fixture
def reminded(users):
    """A promeneur whose grid of last month is missing, with a name that tests the escaping."""
    promeneur = Promeneur.objects.get(user=users["promeneur"])
    promeneur.structure = StructureFactory(name=NAME)
    promeneur.first_name = "Zoé d'Elne"
    promeneur.entry_date = datetime.date(2020, 1, 1)
    promeneur.save()
    return promeneur


def reminders_to(promeneur):
    return [m for m in mail.outbox if m.to == [promeneur.email or promeneur.user.email]]


def send_reminders():
    mail.outbox.clear()
    call_command("send_activity_reminders", "--mois", previous_month().strftime("%Y-%m"), stdout=StringIO())


def send_digest():
    mail.outbox.clear()
    call_command("send_weekly_digest", stdout=StringIO())


def unsubscribe_link(message):
    headers = message.message()
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    value = headers["List-Unsubscribe"]
    assert value.startswith("<https://pdn66.example.org/desabonnement/") and value.endswith("/>")
    return value[1:-1].removeprefix("https://pdn66.example.org")


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://pdn66.example.org"


def test_the_grid_reminder_unsubscribes_in_one_click(reminded):
    send_reminders()
    [message] = reminders_to(reminded)
    assert message.subject.startswith("Votre grille d'activité d'")
    link = unsubscribe_link(message)
    assert f"https://pdn66.example.org{link}" in message.body
    assert message.message()["Auto-Submitted"] == "auto-generated"

    # What a mail client does (RFC 8058): a POST with no session and no CSRF token.
    client = Client(enforce_csrf_checks=True)
    assert client.get(link).status_code == 200  # asking only: a link checker unsubscribes nobody
    reminded.refresh_from_db()
    assert reminded.grid_reminders
    response = client.post(link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "vous ne recevrez plus le rappel mensuel" in response.content.decode()
    reminded.refresh_from_db()
    assert not reminded.grid_reminders
    send_reminders()
    assert reminders_to(reminded) == []


def test_the_digest_unsubscribes_in_one_click(users):
    promeneur = users["promeneur"]
    DiscussionFactory(title="Atelier d'écriture & <jeux>")
    send_digest()
    [message] = [m for m in mail.outbox if m.to == [promeneur.email]]
    assert "Atelier d'écriture & <jeux>" in message.body
    link = unsubscribe_link(message)
    assert message.message()["Auto-Submitted"] == "auto-generated"

    assert Client(enforce_csrf_checks=True).post(link, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert ExchangePreferences.objects.get(user=promeneur).weekly_digest is False
    # Only that member: the others still receive it.
    DiscussionFactory(title="Une autre discussion")
    send_digest()
    assert [m for m in mail.outbox if m.to == [promeneur.email]] == []
    assert [m for m in mail.outbox if m.to == [users["coordination"].email]]


def test_other_e_mails_have_no_unsubscribe_link_but_say_they_are_automatic(users, reminded, client):
    from network.activity.notifications import notify_support_needed
    from tests.factories import ActivityGridFactory

    mail.outbox.clear()
    notify_support_needed(ActivityGridFactory(promeneur=reminded, support_needed="Besoin d'aide & vite"), "/espace/")
    user = UserFactory(email="oubli@example.org")
    client.post("/mot-de-passe/oublie/", {"email": user.email})
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        headers = message.message()
        assert headers["Auto-Submitted"] == "auto-generated"
        assert headers["List-Unsubscribe"] is None


@pytest.mark.parametrize("token", ["", "x", "a" * 43, "a" * 5000, "é" * 40])
def test_a_wrong_empty_or_very_long_unsubscribe_token_is_a_404(client, token):
    assert client.get(f"/desabonnement/{token}/").status_code == 404
    assert client.post(f"/desabonnement/{token}/").status_code == 404


def test_a_tampered_or_forged_token_is_a_404(client, users, reminded):
    link = site_mail.unsubscribe_url(users["promeneur"], "rappel-grille").removeprefix("https://pdn66.example.org")
    token = link.split("/")[2]
    other = PromeneurFactory(user=UserFactory(role="promeneur"))
    # The signed payload names the user: put another user's key in it, keep the signature.
    _payload, _, signature = token.partition(":")
    payload = json.dumps([other.user.pk, "rappel-grille"], separators=(",", ":"))
    other_payload = base64.urlsafe_b64encode(payload.encode()).decode()
    forged = f"{other_payload.rstrip('=')}:{signature}"
    assert client.post(f"/desabonnement/{forged}/").status_code == 404
    unknown_list = site_mail.unsubscribe_url(users["promeneur"], "inconnue").removeprefix("https://pdn66.example.org")
    assert client.post(unknown_list).status_code == 404
    other.refresh_from_db()
    assert other.grid_reminders


def test_a_promeneur_turns_the_reminder_back_on_in_the_profile(client_as, reminded):
    Promeneur.objects.filter(pk=reminded.pk).update(grid_reminders=False)
    client = client_as("promeneur")
    assert 'name="grid_reminders"' in client.get("/espace/mon-profil/").content.decode()
    form = {"email": reminded.email, "grid_reminders": "on"}
    form |= {f"profils-{name}": "0" for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS")}
    assert client.post("/espace/mon-profil/", form | {"profils-MAX_NUM_FORMS": "12"}).status_code == 302
    reminded.refresh_from_db()
    assert reminded.grid_reminders
