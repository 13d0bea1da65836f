"""The header's menu, shared by the public and the members' pages: on a phone it folds behind a real
button (aria-expanded, keyboard), without a script or when the script fails it stays open, on a wide
screen it shows in full; no Content-Security-Policy violation (the script is a file of the site)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.browser.phone import MIN_TARGET, PHONE, phone_page
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def menu(page):
    return page.get_by_role("navigation", name="Navigation principale")


def test_on_a_phone_the_menu_folds_behind_a_button_that_works_with_the_keyboard(chromium, live_server):
    UserFactory(username="lucie", role="promeneur")
    page = phone_page(chromium, live_server)
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    log_in(page, "lucie")
    page.wait_for_url("**/espace/")

    button = page.get_by_role("button", name="Menu")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu(page)).to_be_hidden()
    assert page.locator(".site-header").bounding_box()["height"] < 100
    box = button.bounding_box()
    assert box["width"] >= MIN_TARGET and box["height"] >= MIN_TARGET

    # From the top of the page: the skip link, the site's name, then the button.
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    links = menu(page).get_by_role("link")
    expect(links.first).to_be_visible()
    for index in range(links.count()):
        link = links.nth(index).bounding_box()
        assert link["height"] >= MIN_TARGET and link["width"] >= MIN_TARGET, links.nth(index).text_content()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.keyboard.press("Tab")
    expect(links.first).to_be_focused()
    # Escape folds it again and gives the focus back to the button; Space opens it too.
    page.keyboard.press("Escape")
    expect(menu(page)).to_be_hidden()
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")
    page.keyboard.press(" ")
    expect(menu(page).get_by_role("link", name="Se déconnecter")).to_be_visible()
    # Escape closes it from the button too: opened, then left at once, the focus still on the button.
    page.keyboard.press("Escape")
    expect(menu(page)).to_be_hidden()
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")
    button.tap()
    expect(menu(page).get_by_role("link", name="Se déconnecter")).to_be_visible()
    button.tap()
    expect(menu(page)).to_be_hidden()
    assert violations == []
    page.context.close()


@pytest.mark.parametrize("failure", ["sans JavaScript", "script introuvable"])
def test_without_its_script_the_menu_stays_open_and_the_button_hidden(chromium, live_server, failure):
    page = phone_page(chromium, live_server, java_script_enabled=failure != "sans JavaScript")
    if failure == "script introuvable":
        page.route("**/menu.js", lambda route: route.abort())
    page.goto("/")
    expect(menu(page).get_by_role("link", name="Se connecter")).to_be_visible()
    expect(page.locator(".menu-toggle")).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.context.close()


def test_on_a_wide_screen_the_whole_menu_shows_and_no_button(browser_page):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/")
    expect(menu(page).get_by_role("link", name="Se connecter")).to_be_visible()
    expect(page.locator(".menu-toggle")).to_be_hidden()
    # Narrowed to a phone's width (a window resized, a tablet turned), it folds; widened, it opens.
    page.set_viewport_size(PHONE)
    expect(page.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "false")
    expect(menu(page)).to_be_hidden()
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(menu(page)).to_be_visible()
