"""Joining the network, end to end (issue 12): a structure applies on /devenir-promeneur/; the
coordinator accepts it in the admin; the invited promeneur sets a password from the e-mail's link,
accepts the charter and lands in the space."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import admin_log_in
from tests.browser.test_accessibility import assert_no_violation
from tests.factories import UserFactory
from tests.pages import page_at

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def publish_charter(label, text):
    charter = page_at("/charte/")
    charter.version_label = label
    charter.text = text
    charter.save_revision().publish()


def test_a_structure_applies_is_accepted_and_its_promeneur_joins_the_space(chromium, live_server, browser_page):
    publish_charter("2026", "<p>Je garde une présence identifiée et transparente sur les réseaux.</p>")
    UserFactory(username="coord", role="coordination")
    page = browser_page

    # The structure applies, from the footer's link.
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Devenir promeneur").click()
    expect(page).to_have_url(re.compile(r"/devenir-promeneur/$"))
    assert_no_violation(page)
    page.locator("#id_structure_name").fill("Maison des jeunes de Céret")
    page.locator("#id_address").fill("3 boulevard Clemenceau")
    page.locator("#id_town").fill("Céret")
    page.locator("#id_contact_first_name").fill("Yanis")
    page.locator("#id_contact_last_name").fill("Soler")
    page.locator("#id_contact_role").fill("Éducateur")
    page.locator("#id_contact_email").fill("yanis.soler@example.org")
    page.locator("#id_contact_phone").fill("04 68 11 22 33")
    page.locator("#id_professionals_count").fill("1")
    page.get_by_label("Instagram").check()
    page.get_by_label("Discord").check()
    page.locator("#id_motivation").fill("Les jeunes de Céret passent leurs soirées sur Discord.")
    page.get_by_role("button", name="Envoyer").click()
    expect(page.get_by_role("status")).to_contain_text("votre candidature est bien enregistrée")
    # The acknowledgement to the applicant, the notice to the network's mailbox.
    assert [email.reply_to or email.to for email in mail.outbox[-2:]] == [["yanis.soler@example.org"]] * 2

    # The coordinator accepts it in the admin.
    coordinator = chromium.new_context(locale="fr-FR", base_url=live_server.url).new_page()
    admin_log_in(coordinator, "coord")
    expect(coordinator.locator("#cockpit-new-applications")).to_contain_text("Maison des jeunes de Céret")
    coordinator.goto("/admin/coordination/application/")
    coordinator.get_by_role("link", name=re.compile("Accepter et inviter")).first.click()
    coordinator.get_by_role("button", name="Accepter et envoyer l'invitation").click()
    expect(coordinator.locator(".messages")).to_contain_text("a reçu son invitation")
    # The next step on the newcomer is one click away from the message.
    coordinator.locator(".messages").get_by_role("link", name="Suivi de l'accueil").click()
    expect(coordinator.get_by_role("heading", level=1)).to_contain_text("Accueil de Yanis Soler")
    coordinator.context.close()

    invitation = mail.outbox[-1]
    assert invitation.to == ["yanis.soler@example.org"]
    link = re.search(r"https?://[^/\s]+(/invitation/[^/\s]+/)", invitation.body).group(1)

    # The invited promeneur sets a password, accepts the charter and lands in the space.
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bienvenue, Yanis")
    page.locator("#id_new_password1").fill("Ceret-promeneur-2026")
    page.locator("#id_new_password2").fill("Ceret-promeneur-2026")
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page).to_have_url(re.compile(r"/charte/accepter/\?next="))
    expect(page.locator(".charter-text")).to_contain_text("présence identifiée et transparente")
    page.get_by_role("button", name="J'accepte la charte").click()
    expect(page.locator("#id_accepted_error")).to_contain_text("Cochez la case")
    assert_no_violation(page)
    page.get_by_label(re.compile("je m'engage à la respecter")).check()
    page.get_by_role("button", name="J'accepte la charte").click()
    expect(page).to_have_url(re.compile(r"/espace/$"))
    expect(page.get_by_role("heading", name="Les rubriques de l'espace")).to_be_visible()

    # The link served once.
    page.goto(link)
    expect(page.get_by_role("alert")).to_contain_text("n'est plus valable")


def test_the_contact_form_on_a_phone_keeps_what_was_typed_and_shows_french_errors(chromium, live_server):
    phone = chromium.new_context(locale="fr-FR", base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = phone.new_page()
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Contact").click()
    expect(page).to_have_url(re.compile(r"/contact/$"))
    page.locator("#id_name").fill("Inès Roca")
    page.locator("#id_email").fill("ines.roca-sans-arobase")
    page.locator("#id_message").fill("Bonjour, l'association d'Argelès & Co aimerait vous rencontrer.")
    page.get_by_role("button", name="Envoyer").click()
    expect(page.locator("#id_email_error")).to_contain_text("adresse de courriel valide")
    expect(page.locator("#id_subject_error")).to_be_visible()
    expect(page.locator("#id_message")).to_have_value("Bonjour, l'association d'Argelès & Co aimerait vous rencontrer.")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_no_violation(page)

    page.locator("#id_email").fill("ines.roca@example.org")
    page.locator("#id_subject").fill("Rencontre")
    page.get_by_role("button", name="Envoyer").click()
    expect(page.get_by_role("status")).to_contain_text("votre message est bien parti")
    assert mail.outbox[-1].subject == "[Contact] Rencontre"
    phone.close()
