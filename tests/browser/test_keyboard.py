"""A promeneur with the keyboard alone, or a screen reader, in real Chromium: what axe-core cannot see.

One journey, one login: the public directory filtered opens on its results; the skip link; forms sent
with mistakes (login, profile, reply, report, activity grid, contact) say « Erreur » in the page's title, open
on a summary that takes the focus and links to each field to correct, keep what was typed; the spare
social-profile blocks are not marked as required, the kept ones are, and the « * » is explained; a
registration is announced (role="status")."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import (
    DiscussionFactory,
    EventFactory,
    MessageFactory,
    PromeneurFactory,
    SocialProfileFactory,
    TerritoryFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ERROR_TITLE = re.compile(r"^Erreur : ")
REQUIRED_NOTE = "Les champs marqués d'un astérisque (*) sont obligatoires."


def press_button(page, name):
    """Reach a button and press it with the keyboard (Enter), as a keyboard user does."""
    page.get_by_role("button", name=name).focus()
    page.keyboard.press("Enter")


def expect_sent_back(page, *mistakes):
    """The page sent back: « Erreur » in its title, the focus on the summary, which names ``mistakes``."""
    expect(page).to_have_title(ERROR_TITLE)
    summary = page.locator("#form-errors")
    expect(summary).to_be_focused()
    expect(summary).to_have_attribute("role", "alert")
    for mistake in mistakes:
        expect(summary.get_by_role("link", name=mistake)).to_be_visible()
    return summary


def test_a_promeneur_sends_forms_with_mistakes_and_is_led_to_them_with_the_keyboard(browser_page):
    lucie = PromeneurFactory(
        user=UserFactory(username="lucie", first_name="Lucie", last_name="Martin", role="promeneur"),
        phone="",
    )
    SocialProfileFactory(promeneur=lucie, network="instagram", profile_name="lucie_pdn66")
    discussion = DiscussionFactory(author=lucie.user, title="Un jeune écrit tard le soir")
    reply = MessageFactory(discussion=discussion, author=UserFactory(role="promeneur"), body="Je réponds le soir.")
    session = EventFactory(title="Analyse de pratiques de mai", kind="analyse", capacity=12)
    page = browser_page

    # The public directory filtered with the keyboard: its answer opens on the results' heading, even
    # a short one, and Tab goes on to the first result (not back to the top of the page).
    lucie.territories.add(TerritoryFactory(name="Conflent"))
    lucie.public_listing = True
    lucie.save()
    PromeneurFactory(public_listing=True)
    page.goto("/annuaire/")
    page.get_by_label("Territoire").select_option(label="Conflent")
    press_button(page, "Filtrer")
    results = page.get_by_role("heading", name="1 promeneur", exact=True)
    expect(results).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Lucie Martin")).to_be_focused()

    # Login sent empty: the summary, not the top of the page, has the focus.
    page.goto("/connexion/")
    press_button(page, "Se connecter")
    expect_sent_back(page, "Identifiant ou adresse e-mail", "Mot de passe")
    expect(page).to_have_title("Erreur : Connexion – Promeneurs du Net 66")
    log_in(page, "lucie", next_url="/espace/mon-profil/")
    expect(page).to_have_title("Mon profil – Promeneurs du Net 66")

    # The skip link is the first stop and leads into the content.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Aller au contenu")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")

    # What the « * » means is written before the fields.
    expect(page.locator("form.profile-form")).to_contain_text(REQUIRED_NOTE)
    # The spare social-profile blocks are optional: no « * » in them, only in the block kept.
    kept, spare = page.locator(".social-profile-form").first, page.locator(".social-profile-form").nth(1)
    expect(kept.locator(".required")).not_to_have_count(0)
    # The « * » is hidden from screen readers: the fields it marks say « required » themselves.
    for field in ("#id_profils-0-network", "#id_profils-0-profile_name"):
        expect(page.locator(field)).to_have_js_property("required", True)
    expect(page.locator("#id_profils-1-network")).to_have_js_property("required", False)
    expect(spare.locator("legend")).to_contain_text("facultatif")
    expect(spare.locator(".required")).to_have_count(0)

    # The profile sent with a wrong phone and a half-filled new block.
    page.get_by_label("Présentation").fill("Je réponds le soir sur Instagram.")
    page.get_by_label("Téléphone professionnel").fill("12")
    page.locator("#id_profils-1-network").select_option(label="TikTok")
    press_button(page, "Enregistrer mon profil")
    summary = expect_sent_back(page, "Téléphone professionnel", "Profil 2 : Nom de profil")
    expect(page.get_by_label("Présentation")).to_have_value("Je réponds le soir sur Instagram.")
    # From the summary, Tab then Enter on its first link lands in the field, tied to its error.
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link").first).to_be_focused()
    page.keyboard.press("Enter")
    phone = page.get_by_label("Téléphone professionnel")
    expect(phone).to_be_focused()
    expect(phone).to_have_attribute("aria-invalid", "true")
    expect(phone).to_have_attribute("aria-describedby", re.compile(r"\bid_phone_error\b"))
    phone.fill("06 12 34 56 78")
    page.locator("#id_profils-1-profile_name").fill("lucie_tiktok")
    press_button(page, "Enregistrer mon profil")
    expect(page.get_by_role("status")).to_contain_text("Votre profil est enregistré")
    expect(page).to_have_title("Mon profil – Promeneurs du Net 66")

    # A reply sent empty.
    page.goto(f"/espace/echanges/{discussion.pk}/")
    press_button(page, "Publier la réponse")
    expect_sent_back(page, "Votre réponse")
    expect(page.locator(".reply-form")).to_contain_text(REQUIRED_NOTE)
    # A report sent empty: every form of the exchanges has the summary.
    page.goto(f"/espace/echanges/message/{reply.pk}/signaler/")
    press_button(page, "Envoyer le signalement")
    expect_sent_back(page, "Pourquoi signalez-vous ce message ?")

    # The activity grid sent with mistakes: its own summary takes the focus, names its rows' fields too.
    page.goto("/espace/mon-activite/nouvelle/")
    page.get_by_label("Heures en ligne par semaine").fill("500")
    page.get_by_label("Instagram : Jeunes accompagnés").fill("6")
    page.get_by_label("Instagram : dont nouveaux jeunes").fill("9")
    press_button(page, "Transmettre la grille")
    expect_sent_back(page, "Heures en ligne par semaine", "Instagram : dont nouveaux jeunes")
    expect(page.get_by_label("Heures en ligne par semaine")).to_have_value("500")

    # The contact form sent empty.
    page.goto("/contact/")
    press_button(page, "Envoyer")
    expect_sent_back(page, "Votre message")

    # A registration with the keyboard, announced as a status.
    page.goto(f"/evenements/{session.pk}/")
    press_button(page, re.compile("M'inscrire"))
    expect(page.get_by_role("status")).to_contain_text("confirmée")
    expect(page).not_to_have_title(ERROR_TITLE)
