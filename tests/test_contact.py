"""The network's mailbox at /contact/ (issue 12, item 5): the message reaches the network's address
and is kept for the coordinator; spam is kept out by a honeypot, a limit per client address and sizes."""

import html

import pytest
from django.core import mail
from django.core.cache import cache
from wagtail.models import Site

from network.coordination.models import ContactMessage
from workspace.pages.models import NetworkSettings

pytestmark = pytest.mark.django_db

CONTACT = "/contact/"
MESSAGE = {
    "name": "Inès Roca",
    "email": "ines.roca@example.org",
    "subject": "Partenariat avec d'Argelès & Co",
    "message": "Bonjour, l'association d'Argelès & Co aimerait présenter le dispositif à ses jeunes.",
}


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def test_the_page_shows_the_form_with_its_labels(client):
    body = client.get(CONTACT).content.decode()
    for label in ("Votre nom", "Votre adresse e-mail", "Objet", "Votre message"):
        assert label in body
    assert 'class="honeypot" aria-hidden="true"' in body


def test_a_message_is_kept_and_sent_to_the_network_address_as_written(client, client_as):
    settings = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "boite@pdn66.example.org"
    settings.save()
    response = client.post(CONTACT, MESSAGE)
    assert response.status_code == 302 and response["Location"] == "/contact/?envoye=1"
    assert "votre message est bien parti" in client.get(response["Location"]).content.decode()

    kept = ContactMessage.objects.get()
    assert (kept.name, kept.subject, kept.status) == ("Inès Roca", MESSAGE["subject"], ContactMessage.Status.NEW)
    [email] = mail.outbox
    assert email.to == ["boite@pdn66.example.org"]
    assert email.reply_to == ["ines.roca@example.org"]
    assert email.subject == "[Contact] Partenariat avec d'Argelès & Co"
    assert "l'association d'Argelès & Co aimerait" in email.body
    # Where to mark it answered: it only named the menu (« Candidatures et contacts › Messages reçus »).
    admin_url = f"/admin/coordination/contactmessage/edit/{kept.pk}/"
    assert f"où le marquer comme répondu : http://testserver{admin_url}" in email.body
    assert client_as("coordination").get(admin_url).status_code == 200
    assert "&amp;" not in email.body and "&#x27;" not in email.body


def test_bad_input_gets_french_messages_on_its_fields_and_keeps_what_was_typed(client):
    data = {**MESSAGE, "email": "ines.roca-arobase-example", "subject": ""}
    response = client.post(CONTACT, data)
    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert 'id="id_subject_error"' in body and 'id="id_email_error"' in body
    assert "Saisissez une adresse de courriel valide." in body
    assert "Champ requis." in body
    assert 'value="ines.roca-arobase-example"' in body
    assert "l'association d'Argelès & Co aimerait" in body
    assert 'value="Inès Roca"' in body
    assert "aimerait présenter le dispositif à ses jeunes." in body
    assert not ContactMessage.objects.exists() and not mail.outbox


def test_a_message_too_long_is_refused_with_its_size(client):
    response = client.post(CONTACT, {**MESSAGE, "message": "a" * 5001})
    assert response.status_code == 200
    assert "au plus 5000 caractères" in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_the_honeypot_catches_a_bot(client):
    response = client.post(CONTACT, {**MESSAGE, "site_web": "https://spam.example"})
    # The bot is answered as a person would be, and learns nothing.
    assert response.status_code == 302
    assert not ContactMessage.objects.exists() and not mail.outbox


def test_a_flood_from_one_address_keeps_the_first_messages_and_refuses_the_rest(client, settings):
    answers = [client.post(CONTACT, {**MESSAGE, "subject": f"Message {n}"}).status_code for n in range(10)]
    limit = settings.PUBLIC_FORM_LIMIT_PER_IP
    assert answers == [302] * limit + [429] * (10 - limit)
    assert ContactMessage.objects.count() == limit == len(mail.outbox)

    refused = client.post(CONTACT, {**MESSAGE, "subject": "Encore un"})
    body = refused.content.decode()
    assert refused.status_code == 429
    assert "Vous avez envoyé beaucoup de messages en peu de temps" in body
    assert 'value="Encore un"' in body

    # Another address is not held back by this one's flood.
    other = client.post(CONTACT, MESSAGE, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_the_coordinator_follows_messages_in_the_admin_and_the_cockpit(client_as):
    message = ContactMessage.objects.create(**{**MESSAGE, "subject": "Une demande d'information"})
    ContactMessage.objects.create(**{**MESSAGE, "subject": "Déjà traité"}, status=ContactMessage.Status.CLOSED)
    client = client_as("coordination")
    cockpit = client.get("/admin/").content.decode()
    assert 'id="cockpit-new-messages"' in cockpit
    assert f"/admin/coordination/contactmessage/inspect/{message.pk}/" in cockpit
    assert "Déjà traité" not in cockpit

    listing = html.unescape(
        client.get("/admin/coordination/contactmessage/", {"status__exact": "nouveau"}).content.decode()
    )
    assert "Une demande d'information" in listing and "Déjà traité" not in listing
    assert client.get("/admin/coordination/contactmessage/", {"q": "demande"}).status_code == 200
    inspect = client.get(f"/admin/coordination/contactmessage/inspect/{message.pk}/")
    assert "aimerait présenter le dispositif" in inspect.content.decode()

    edit = client.post(
        f"/admin/coordination/contactmessage/edit/{message.pk}/",
        {"status": "repondu", "notes": "Rappelée le 3 mars.", "name": "Changé", "subject": "Changé"},
    )
    assert edit.status_code == 302
    message.refresh_from_db()
    assert (message.status, message.notes, message.name) == ("repondu", "Rappelée le 3 mars.", "Inès Roca")

    export = client.get("/admin/coordination/contactmessage/", {"export": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    assert "Rappelée le 3 mars." in export.content.decode("utf-8-sig")


def test_messages_are_not_written_by_hand_in_the_admin(client_as):
    assert client_as("coordination").get("/admin/coordination/contactmessage/create/").status_code == 302


def test_the_public_finds_the_contact_page_in_the_menu_and_the_footer(client):
    body = client.get("/").content.decode()
    assert body.count('href="/contact/"') >= 2
    assert 'href="/devenir-promeneur/"' in body
