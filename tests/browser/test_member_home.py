"""The members' home in a real Chromium: on a phone (390×844) and a laptop (1280×800), the
"pour moi" block is on the first screen, nothing scrolls sideways, and the page passes axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import (
    DiscussionFactory,
    EventFactory,
    MessageFactory,
    PromeneurFactory,
    RegistrationFactory,
    UserFactory,
    news_page,
    resource_page,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def busy_member():
    lucie = PromeneurFactory(user=UserFactory(username="lucie", first_name="Lucie", role="promeneur")).user
    colleague = UserFactory(username="karim", first_name="Karim", role="promeneur")
    question = DiscussionFactory(author=lucie, title="Comment répondre à un message inquiétant reçu un dimanche soir ?")
    message = MessageFactory(discussion=question, author=colleague)
    question.touch(message)
    RegistrationFactory(user=lucie, event=EventFactory(title="Formation : la modération des groupes", capacity=1))
    for n in range(6):
        resource_page(f"Fiche pratique numéro {n} : un titre assez long pour passer à la ligne", intro="Résumé. " * 30)
    news_page("Rencontre départementale", featured=True, intro="Le programme de la journée.")
    EventFactory(title="Journée des promeneurs", capacity=40)
    return lucie


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 800)])
def test_the_for_me_block_is_on_the_first_screen_without_sideways_scrolling(browser_page, busy_member, width, height):
    page = browser_page
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, "lucie")
    page.wait_for_url("**/espace/")

    for_me = page.get_by_role("region", name="Pour moi, maintenant")
    expect(for_me).to_be_visible()
    expect(for_me).to_contain_text("Remplir ma grille")
    top = for_me.bounding_box()["y"]
    first_item = for_me.get_by_role("link").first.bounding_box()
    assert top < height and first_item["y"] + first_item["height"] <= height, (top, first_item)
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    results = Axe().run(page, options=WCAG_AA)
    assert not results.response["violations"], results.generate_report()
