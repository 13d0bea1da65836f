"""Applications to join at /devenir-promeneur/ (issue 12, item 4): the structure applies and gets an
acknowledgement; the coordinator follows and accepts it, which creates the structure and invites
the future promeneur with a one-time link, valid for a limited time."""

import datetime
import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Site

from network.coordination.joining import INVITATION, accept_application
from network.coordination.models import Application
from network.directory.models import Promeneur, Structure
from workspace.accounts.roles import PROMENEURS
from workspace.accounts.tokens import SecretToken
from workspace.pages.models import NetworkSettings

pytestmark = pytest.mark.django_db

APPLY = "/devenir-promeneur/"
APPLICATION = {
    "structure_name": "Centre social d'Argelès & Co",
    "address": "12 rue des Platanes",
    "town": "Argelès-sur-Mer",
    "contact_first_name": "Manon",
    "contact_last_name": "Vidal",
    "contact_role": "Animatrice jeunesse",
    "contact_email": "manon.vidal@example.org",
    "contact_phone": "04 68 00 00 00",
    "professionals_count": "2",
    "networks": ["instagram", "snapchat"],
    "motivation": "Nos jeunes sont sur Snapchat le soir : nous voulons y être présents.",
}


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def make_application(**fields):
    data = {**APPLICATION, "professionals_count": 2, **fields}
    return Application.objects.create(**data)


def invitation_link(email):
    return re.search(r"http://testserver(/invitation/[^/\s]+/)", email.body).group(1)


def test_a_structure_applies_and_gets_an_acknowledgement(client):
    body = client.get(APPLY).content.decode()
    assert "Nom de la structure" in body and "<legend>Réseaux sociaux utilisés par la structure" in body

    response = client.post(APPLY, APPLICATION)
    assert response.status_code == 302 and response["Location"] == "/devenir-promeneur/?envoye=1"
    assert "votre candidature est bien enregistrée" in client.get(response["Location"]).content.decode()

    application = Application.objects.get()
    assert application.status == Application.Status.RECEIVED
    assert application.networks == ["instagram", "snapchat"]
    assert application.network_names() == "Instagram, Snapchat"
    email, notice = mail.outbox
    assert email.to == ["manon.vidal@example.org"]
    # « la candidature de Centre social… » lacked the article a structure's name needs (« du Centre
    # social », « de la Maison des jeunes »): the e-mail names « la structure « … » » instead.
    assert "la candidature de la structure « Centre social d'Argelès & Co » (Argelès-sur-Mer) au réseau" in email.body
    assert "Réseaux sociaux utilisés : Instagram, Snapchat" in email.body
    # The coordination hears of it at the network's address, with the way to the application.
    network = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    assert notice.to == [network.contact_email] and notice.reply_to == ["manon.vidal@example.org"]
    assert notice.subject == "[Candidature] Centre social d'Argelès & Co (Argelès-sur-Mer)"
    assert "Contact : Manon Vidal, Animatrice jeunesse" in notice.body
    # What the structure wrote, as a contact message's text: the notice left it out.
    assert f"Motivation :\n{APPLICATION['motivation']}\n" in notice.body
    assert f"http://testserver/admin/coordination/application/inspect/{application.pk}/" in notice.body
    assert "&amp;" not in notice.body + notice.subject


def test_bad_input_gets_french_messages_and_keeps_what_was_typed(client):
    data = {**APPLICATION, "contact_email": "pas-une-adresse", "professionals_count": "0", "networks": []}
    response = client.post(APPLY, data)
    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert 'id="id_contact_email_error"' in body and 'id="id_professionals_count_error"' in body
    assert "Saisissez une adresse de courriel valide." in body
    assert "Assurez-vous que cette valeur est supérieure ou égale à 1." in body
    assert "Cochez au moins un réseau social." in body
    assert 'value="pas-une-adresse"' in body
    assert 'value="Centre social d\'Argelès & Co"' in body
    assert "nous voulons y être présents." in body
    assert not Application.objects.exists() and not mail.outbox


def test_a_phone_that_is_not_one_is_refused_and_kept(client):
    response = client.post(APPLY, {**APPLICATION, "contact_phone": "abc"})
    body = html.unescape(response.content.decode())
    assert "Saisissez un numéro de téléphone français valide" in body and 'value="abc"' in body
    assert not Application.objects.exists()
    client.post(APPLY, {**APPLICATION, "contact_phone": "+33468000000"})
    assert Application.objects.get().contact_phone == "04 68 00 00 00"


def test_an_unknown_network_is_refused(client):
    response = client.post(APPLY, {**APPLICATION, "networks": ["myspace"]})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not Application.objects.exists()


def test_the_honeypot_and_the_flood_limit_guard_the_form_too(client, settings):
    assert client.post(APPLY, {**APPLICATION, "site_web": "x"}).status_code == 302
    assert not Application.objects.exists()
    answers = [client.post(APPLY, APPLICATION).status_code for _ in range(settings.PUBLIC_FORM_LIMIT_PER_IP + 1)]
    assert answers[-1] == 429 and Application.objects.count() == settings.PUBLIC_FORM_LIMIT_PER_IP


def test_accepting_creates_the_structure_and_the_account_and_sends_a_one_time_link(client_as, settings):
    application = make_application()
    client = client_as("coordination")
    confirm = client.get(f"/admin/coordination/application/{application.pk}/accepter/")
    assert confirm.status_code == 200 and "Accepter et envoyer l'invitation" in html.unescape(confirm.content.decode())

    response = client.post(f"/admin/coordination/application/{application.pk}/accepter/")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED and application.decided_at
    structure = Structure.objects.get(name="Centre social d'Argelès & Co")
    assert (structure.commune, structure.referent_email) == ("Argelès-sur-Mer", "manon.vidal@example.org")
    user = application.invited_user
    assert not user.has_usable_password()
    assert user.groups.filter(name=PROMENEURS).exists()
    promeneur = Promeneur.objects.get(user=user)
    assert (promeneur.structure, promeneur.public_listing) == (structure, False)

    [email] = mail.outbox
    assert email.to == ["manon.vidal@example.org"]
    assert "La candidature de la structure « Centre social d'Argelès & Co » au réseau" in email.body
    assert f"Votre identifiant : {user.username}" in email.body
    # Whom to ask for a new link once this one has expired: an address, not just « la coordination ».
    assert f"demandez-en un nouveau à la coordination : {settings.COORDINATION_EMAIL}." in email.body
    assert application.invitation_sent_at is not None

    # Accepting twice creates nothing more.
    client.post(f"/admin/coordination/application/{application.pk}/accepter/")
    assert Structure.objects.filter(name=structure.name).count() == 1 and len(mail.outbox) == 1


def test_the_invitation_sets_a_password_once_then_the_link_is_spent(client):
    application = accept_application(make_application())
    link = invitation_link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200 and "Créer mon compte" in page.content.decode()

    mismatch = client.post(link, {"new_password1": "Argeles-66-promeneur", "new_password2": "autre"})
    assert mismatch.status_code == 200 and "Les deux mots de passe ne correspondent pas" in mismatch.content.decode()

    done = client.post(link, {"new_password1": "Argeles-66-promeneur", "new_password2": "Argeles-66-promeneur"})
    assert done.status_code == 302 and done["Location"] == "/espace/"
    user = get_user_model().objects.get(pk=application.invited_user_id)
    assert user.check_password("Argeles-66-promeneur")
    assert client.get("/espace/").status_code == 200  # logged in, no charter version yet

    client.logout()
    reused = client.get(link)
    assert reused.status_code == 200
    assert "Ce lien d'invitation n'est plus valable" in html.unescape(reused.content.decode())
    again = client.post(link, {"new_password1": "Autre-mot-de-passe-66", "new_password2": "Autre-mot-de-passe-66"})
    assert again.status_code == 200
    user.refresh_from_db()
    assert user.check_password("Argeles-66-promeneur")


def test_an_expired_link_says_so_and_a_new_invitation_replaces_it(client, client_as, settings):
    application = accept_application(make_application())
    old_link = invitation_link(mail.outbox[0])
    SecretToken.objects.filter(purpose=INVITATION).update(
        created_at=timezone.now() - datetime.timedelta(days=settings.INVITATION_VALID_DAYS, minutes=1)
    )
    expired = client.get(old_link)
    assert expired.status_code == 200 and "Ce lien d'invitation a expiré." in html.unescape(expired.content.decode())
    assert client.post(old_link, {"new_password1": "x", "new_password2": "x"}).status_code == 200

    coordinator = client_as("coordination")
    assert coordinator.post(f"/admin/coordination/application/{application.pk}/renvoyer-invitation/").status_code == 302
    new_link = invitation_link(mail.outbox[-1])
    assert new_link != old_link
    client.logout()
    assert "Créer mon compte" in client.get(new_link).content.decode()


def test_an_invited_promeneur_whose_link_expired_gets_a_password_reset_link(client, settings):
    """« Mot de passe oublié » is where someone with a lost or expired invitation goes first: the page
    says an e-mail was sent, so one must be, and it lets them choose the password of their account."""
    application = accept_application(make_application())
    invitation = invitation_link(mail.outbox[-1])
    SecretToken.objects.filter(purpose=INVITATION).update(
        created_at=timezone.now() - datetime.timedelta(days=settings.INVITATION_VALID_DAYS, minutes=1)
    )
    mail.outbox.clear()

    response = client.post("/mot-de-passe/oublie/", {"email": "Manon.Vidal@example.org"})
    assert response.status_code == 302
    [email] = mail.outbox
    assert email.to == ["manon.vidal@example.org"]
    reset = re.search(r"http://testserver(/mot-de-passe/nouveau/\S+/)", email.body).group(1)
    form = client.get(reset, follow=True)
    password = "Argeles-66-promeneur"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})
    assert done.status_code == 302
    assert get_user_model().objects.get(pk=application.invited_user_id).check_password(password)
    # The invitation served its purpose: it says so rather than offer to choose the password again.
    SecretToken.objects.filter(purpose=INVITATION).update(created_at=timezone.now())
    assert "n'est plus valable" in html.unescape(client.get(invitation).content.decode())


def test_no_new_invitation_once_the_account_is_created_or_closed(client, client_as):
    """« Créez votre compte » with a dead link, to someone who already has one, would only lie."""
    application = accept_application(make_application())
    password = "Argeles-66-promeneur"
    client.post(invitation_link(mail.outbox[-1]), {"new_password1": password, "new_password2": password})
    mail.outbox.clear()
    reinvite = f"/admin/coordination/application/{application.pk}/renvoyer-invitation/"
    coordinator = client_as("coordination")
    for method in (coordinator.get, coordinator.post):
        body = html.unescape(method(reinvite, follow=True).content.decode())
        assert "a déjà créé son compte" in body and "Mot de passe oublié" in body
    assert not mail.outbox

    get_user_model().objects.filter(pk=application.invited_user_id).update(is_active=False)
    body = html.unescape(coordinator.post(reinvite, follow=True).content.decode())
    assert "Ce compte est fermé" in body and not mail.outbox


def test_the_listing_offers_a_new_invitation_only_while_the_account_waits(client, client_as):
    waiting = accept_application(make_application())
    joined = accept_application(make_application(structure_name="MJC de Prades", contact_email="yanis@example.org"))
    password = "Prades-66-promeneur"
    client.post(invitation_link(mail.outbox[-1]), {"new_password1": password, "new_password2": password})
    listing = client_as("coordination").get("/admin/coordination/application/").content.decode()
    assert f"/application/{waiting.pk}/renvoyer-invitation/" in listing
    assert f"/application/{joined.pk}/renvoyer-invitation/" not in listing


@pytest.mark.parametrize("key", ["inconnu", "x" * 43, "../../admin"])
def test_a_malformed_or_unknown_link_is_a_clear_page(client, key):
    response = client.get(f"/invitation/{key}/")
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert "n'est plus valable" in html.unescape(response.content.decode())


def test_an_address_that_already_has_an_account_is_not_accepted_twice(client_as, users):
    application = make_application(contact_email=users["promeneur"].email.upper())
    accept_url = f"/admin/coordination/application/{application.pk}/accepter/"
    response = client_as("coordination").post(accept_url, follow=True)
    assert "Un compte existe déjà avec l'adresse" in html.unescape(response.content.decode())
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED
    assert not Structure.objects.filter(name=APPLICATION["structure_name"]).exists() and not mail.outbox


def test_a_promeneur_already_in_the_directory_without_an_account_gets_their_sheet_linked(client_as):
    """An imported directory holds promeneurs without accounts: accepting their structure's application
    invites them onto their own sheet (what the directory knew of them stays), not a second one."""
    from tests.factories import PromeneurFactory

    sheet = PromeneurFactory(
        user=None, first_name="Manon", last_name="Vidal", email="Manon.Vidal@example.org", structure=None
    )
    application = make_application()
    confirm = client_as("coordination").get(f"/admin/coordination/application/{application.pk}/accepter/")
    assert "la fiche qui a déjà cette adresse, s'il y en a une, est reprise" in html.unescape(confirm.content.decode())
    response = client_as("coordination").post(f"/admin/coordination/application/{application.pk}/accepter/")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    sheet.refresh_from_db()
    assert sheet.user == application.invited_user
    assert Promeneur.objects.filter(email__iexact="manon.vidal@example.org").count() == 1
    assert (sheet.structure, sheet.hours_online) == (application.structure, "mardi 17h–19h")
    [email] = mail.outbox
    assert email.to == ["manon.vidal@example.org"] and "/invitation/" in email.body


def test_the_directorys_structure_is_taken_whatever_the_case_the_applicant_typed_it_in():
    existing = Structure.objects.create(name="MJC de Prades", commune="Prades")
    application = accept_application(make_application(structure_name="MJC DE PRADES", town="Prades"))
    assert application.structure == existing
    assert Structure.objects.filter(name__iexact="mjc de prades").count() == 1


def test_a_sheet_that_left_the_network_is_not_invited_behind_the_coordinators_back(client_as):
    from tests.factories import PromeneurFactory

    PromeneurFactory(user=None, email="manon.vidal@example.org", is_active=False)
    application = make_application()
    response = client_as("coordination").post(
        f"/admin/coordination/application/{application.pk}/accepter/", follow=True
    )
    assert "réactivez sa fiche" in html.unescape(response.content.decode())
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED and not mail.outbox


def test_the_status_accepted_is_only_given_by_the_accept_button(client_as):
    application = make_application()
    response = client_as("coordination").post(
        f"/admin/coordination/application/edit/{application.pk}/",
        {**APPLICATION, "status": "acceptee", "notes": "", "received_at": "2026-03-01 10:00"},
    )
    assert response.status_code == 200
    assert "utilisez le bouton « Accepter et inviter »" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED


def test_a_refusal_is_dated_like_an_acceptance(client_as):
    """« Décidée le » in the application's page and its export: a refusal is a decision too."""
    application = make_application()
    client = client_as("coordination")
    edit = f"/admin/coordination/application/edit/{application.pk}/"
    form = {**APPLICATION, "notes": "", "received_at": "2026-03-01 10:00"}
    assert client.post(edit, {**form, "status": "refusee"}).status_code == 302
    application.refresh_from_db()
    assert application.decided_at is not None
    assert client.post(edit, {**form, "status": "etude"}).status_code == 302
    application.refresh_from_db()
    assert application.decided_at is None  # reopened: no decision any more


def test_the_coordinator_follows_applications_with_notes_filters_search_and_export(client_as):
    application = make_application()
    make_application(structure_name="MJC de Prades", town="Prades", status=Application.Status.REFUSED)
    client = client_as("coordination")
    edit = client.post(
        f"/admin/coordination/application/edit/{application.pk}/",
        {**APPLICATION, "status": "etude", "notes": "Rencontre prévue le 12 mars.", "received_at": "2026-03-01 10:00"},
    )
    assert edit.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.notes) == ("etude", "Rencontre prévue le 12 mars.")

    listing = client.get("/admin/coordination/application/", {"status__exact": "etude"}).content.decode()
    assert "Argelès-sur-Mer" in listing and "MJC de Prades" not in listing
    assert "Accepter et inviter" in listing
    assert "MJC de Prades" in client.get("/admin/coordination/application/", {"q": "Prades"}).content.decode()
    inspect = client.get(f"/admin/coordination/application/inspect/{application.pk}/")
    assert "Snapchat le soir" in inspect.content.decode()
    export = client.get("/admin/coordination/application/", {"export": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_cockpit_lists_new_applications_in_a_bounded_number_of_queries(client_as, django_assert_max_num_queries):
    client = client_as("coordination")
    client.get("/admin/")  # warms the admin's own caches
    make_application(structure_name="MJC de Prades", town="Prades")

    def cockpit_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            body = client.get("/admin/").content.decode()
        return len(queries), body

    few, body = cockpit_queries()
    assert 'id="cockpit-new-applications"' in body and "MJC de Prades" in body
    for n in range(20):
        make_application(structure_name=f"Structure {n}")
    many, body = cockpit_queries()
    assert many == few
    assert '21<span class="w-sr-only"> éléments</span>' in body


def test_the_cockpit_says_an_application_was_recue_and_a_message_recu(client_as):
    from network.coordination.models import ContactMessage

    make_application(structure_name="MJC de Prades", town="Prades")
    ContactMessage.objects.create(name="Aurélie Py", email="a@example.org", subject="Intervention", message="…")

    body = html.unescape(client_as("coordination").get("/admin/").content.decode())

    applications = body[body.index('id="cockpit-new-applications"') :]
    messages_block = body[body.index('id="cockpit-new-messages"') :]
    assert re.search(r"Prades · Manon Vidal · reçue le \d\d/\d\d/\d{4}", applications)
    assert re.search(r"Aurélie Py · reçu le \d\d/\d\d/\d{4}", messages_block)


def test_the_cockpit_does_not_say_nothing_waits_while_an_application_is_under_study(client_as):
    """The block lists the applications nobody has opened yet: once one is « À l'étude », the block
    is empty, but the coordinator still has it to decide."""
    from network.coordination.models import Application

    make_application(structure_name="MJC de Prades", status=Application.Status.UNDER_STUDY)

    body = html.unescape(client_as("coordination").get("/admin/").content.decode())

    applications = body[body.index('id="cockpit-new-applications"') :]
    assert "Aucune nouvelle candidature." in applications
    assert "en attente" not in applications[: applications.index("</section>")]


def test_after_accepting_the_coordinator_is_led_to_the_new_promeneur(client_as):
    """The next actions on a newcomer (their sheet, their onboarding) are one click away, not a hunt."""
    application = make_application()
    client = client_as("coordination")

    response = client.post(f"/admin/coordination/application/{application.pk}/accepter/", follow=True)

    promeneur = Promeneur.objects.get(user__email="manon.vidal@example.org")
    body = html.unescape(response.content.decode())
    assert f'href="/admin/snippets/directory/promeneur/edit/{promeneur.pk}/"' in body
    assert f'href="/admin/accompagnement/accueil/{promeneur.pk}/"' in body
    inspect = html.unescape(client.get(f"/admin/coordination/application/inspect/{application.pk}/").content.decode())
    assert f'href="/admin/snippets/directory/promeneur/edit/{promeneur.pk}/"' in inspect


def test_the_confirmation_names_the_structure_with_french_elision(client_as):
    application = make_application(structure_name="Association Jeunesse du Riberal")

    client = client_as("coordination")
    page = html.unescape(client.get(f"/admin/coordination/application/{application.pk}/accepter/").content.decode())

    assert "la candidature <strong>d'Association Jeunesse du Riberal</strong>" in page


def test_anonymising_the_promeneur_clears_their_contact_on_the_accepted_application(client_as):
    """The application that invited a promeneur who left must not keep who they were: their name,
    e-mail and phone go; what the structure said of itself stays for the coordination's records."""
    from network.directory.privacy import anonymise_promeneur

    application = accept_application(make_application())
    untouched = make_application(contact_email="autre@example.org", structure_name="MJC de Prades")
    promeneur = Promeneur.objects.get(user=application.invited_user)

    anonymise_promeneur(promeneur)

    application.refresh_from_db()
    assert (application.contact_name, application.contact_role) == ("Contact anonymisé", "")
    assert application.contact_email == application.contact_phone == ""
    assert application.structure_name == "Centre social d'Argelès & Co" and application.motivation
    inspect = client_as("coordination").get(f"/admin/coordination/application/inspect/{application.pk}/")
    assert "Vidal" not in inspect.content.decode() and "manon.vidal" not in inspect.content.decode()
    untouched.refresh_from_db()
    assert untouched.contact_name == "Manon Vidal"
