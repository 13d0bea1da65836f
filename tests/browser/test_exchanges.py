"""A question asked, answered, marked as the answer and published in the FAQ, in real Chromium."""

import re

import pytest
from playwright.sync_api import expect

from resources.exchanges.models.faq import FaqEntry
from tests.browser.conftest import log_in
from tests.browser.phone import PHONE, phone_page
from tests.browser.test_accessibility import assert_no_violation
from tests.factories import DiscussionFactory, MessageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUESTION = "Un jeune veut que je garde un secret : que lui dire ?"


def new_page(chromium, live_server):
    context = chromium.new_context(locale="fr-FR", base_url=live_server.url, viewport={"width": 1200, "height": 900})
    context.set_default_timeout(15_000)
    return context.new_page()


def test_a_question_is_answered_then_published_in_the_faq(browser_page, chromium, live_server):
    UserFactory(username="lucie", first_name="Lucie", last_name="Martin", role="promeneur")
    UserFactory(username="karim", first_name="Karim", last_name="Haddad", role="promeneur")
    UserFactory(username="camille", first_name="Camille", last_name="Roig", role="coordination")

    # Lucie asks her question from the front end.
    lucie = browser_page
    log_in(lucie, "lucie", next_url="/espace/echanges/")
    lucie.get_by_role("link", name="Lancer une discussion").first.click()
    expect(lucie.get_by_role("complementary")).to_contain_text("identifier un jeune")
    lucie.get_by_label("Titre").fill(QUESTION)
    lucie.get_by_label("Une question à la coordination").check()
    lucie.get_by_label("Catégorie").select_option(label="Cadre juridique")
    lucie.get_by_label("Mots-clés").fill("confidentialité")
    lucie.get_by_label("Votre message").fill("Il m'écrit en privé et me demande de **ne rien dire**.")
    lucie.get_by_role("button", name="Publier la discussion").click()
    expect(lucie.get_by_role("heading", level=1)).to_have_text(QUESTION)
    expect(lucie.locator(".message-body strong")).to_have_text("ne rien dire")
    discussion_url = lucie.url

    # Karim replies.
    karim = new_page(chromium, live_server)
    log_in(karim, "karim", next_url="/espace/echanges/")
    karim.get_by_role("link", name=QUESTION).click()
    karim.get_by_label("Votre réponse").fill("Je dis toujours : je garde pour moi, sauf si tu es en danger.")
    karim.get_by_role("button", name="Publier la réponse").click()
    expect(karim.get_by_role("status")).to_contain_text("Votre réponse est publiée")
    expect(karim.locator("article.message-card")).to_have_count(2)
    karim.context.close()

    # The coordinator sees the question, marks Karim's reply as the answer and publishes it.
    coordinator = new_page(chromium, live_server)
    log_in(coordinator, "camille", next_url="/espace/echanges/")
    coordinator.get_by_role("link", name=QUESTION).click()
    coordinator.get_by_role("button", name="Retenir comme la réponse").click()
    expect(coordinator.locator("article.is-answer")).to_contain_text("sauf si tu es en danger")
    coordinator.get_by_role("link", name="Publier dans la FAQ").click()
    coordinator.get_by_label("Publique (page /faq/ du site)").check()
    coordinator.get_by_role("button", name="Publier dans la FAQ").click()
    expect(coordinator.get_by_role("status")).to_contain_text("est publiée dans la FAQ")
    coordinator.context.close()

    entry = FaqEntry.objects.get()
    assert entry.question == QUESTION and entry.visibility == "public"

    # Anyone reads it on the public FAQ; Lucie sees her question resolved.
    visitor = new_page(chromium, live_server)
    visitor.goto("/faq/")
    visitor.get_by_text(QUESTION).click()
    expect(visitor.locator(".faq-entry .message-body")).to_contain_text("sauf si tu es en danger")
    assert_no_violation(visitor)
    visitor.context.close()

    lucie.goto(discussion_url)
    expect(lucie.get_by_text("Résolue")).to_be_visible()


def test_exchange_pages_have_no_wcag_violation(browser_page):
    UserFactory(username="lucie", role="promeneur")
    log_in(browser_page, "lucie", next_url="/espace/echanges/")
    browser_page.wait_for_url(re.compile(r"/espace/echanges/$"))
    assert_no_violation(browser_page)
    browser_page.goto("/espace/echanges/nouvelle/")
    browser_page.get_by_role("button", name="Publier la discussion").click()  # empty form: errors shown
    expect(browser_page.locator(".errorlist").first).to_be_visible()
    assert_no_violation(browser_page)
    browser_page.get_by_label("Titre").fill("Une pratique à partager")
    browser_page.get_by_label("Une pratique à partager").check()
    browser_page.get_by_label("Catégorie").select_option(label="Animation")
    browser_page.get_by_label("Votre message").fill("Un atelier sur les réseaux sociaux.")
    browser_page.get_by_role("button", name="Publier la discussion").click()
    expect(browser_page.get_by_role("heading", level=1)).to_have_text("Une pratique à partager")
    assert_no_violation(browser_page)
    browser_page.goto("/espace/faq/")
    assert_no_violation(browser_page)


def in_view(locator):
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_a_refused_post_on_a_phone_shows_why_on_the_first_screen(chromium, live_server):
    """A reply sent empty at the bottom of a long thread, a discussion without its kind: the page
    comes back where the member sees the refusal, not at the top as if nothing had happened."""
    UserFactory(username="lucie", first_name="Lucie", last_name="Martin", role="promeneur")
    discussion = DiscussionFactory(title="Un long fil Rigel")
    for number in range(8):
        MessageFactory(discussion=discussion, body=f"Réponse {number}.\n\n" + "Un paragraphe de retour. " * 30)
    page = phone_page(chromium, live_server)
    log_in(page, "lucie", next_url=f"/espace/echanges/{discussion.pk}/")

    page.get_by_role("button", name="Publier la réponse").click()
    # Named twice: in the summary of mistakes, which takes the focus, and under the field.
    expect(page.get_by_text("Le message est vide").first).to_be_visible()
    assert in_view(page.get_by_text("Le message est vide").first)

    page.goto("/espace/echanges/nouvelle/")
    page.get_by_label("Titre").fill("Une question sans nature")
    page.get_by_label("Catégorie").select_option(label="Posture")
    page.get_by_label("Votre message").fill("Mon texte, gardé.")
    page.get_by_role("button", name="Publier la discussion").click()
    expect(page.get_by_text("La discussion n'est pas publiée")).to_be_visible()
    # The summary of mistakes has the focus, on the first screen, and names the one to correct.
    summary = page.locator("#form-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Choisissez ce que vous partagez")
    assert in_view(summary)
    expect(page.get_by_label("Votre message")).to_have_value("Mon texte, gardé.")
