"""axe-core (shipped inside axe-playwright-python, no CDN) on the key pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def assert_no_violation(page):
    results = Axe().run(page, options=WCAG_AA)
    violations = results.response["violations"]
    assert not violations, results.generate_report()


@pytest.mark.parametrize(
    "address", ["/", "/connexion/", "/le-dispositif/", "/recherche/?q=promeneur", "/page-inconnue/"]
)
def test_public_pages_have_no_wcag_violation(browser_page, address):
    browser_page.goto(address)
    assert_no_violation(browser_page)


def test_space_home_has_no_wcag_violation(browser_page):
    UserFactory(username="lucie", role="promeneur")
    log_in(browser_page, "lucie")
    browser_page.wait_for_url("**/espace/")
    assert_no_violation(browser_page)


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(browser_page):
    browser_page.goto("/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "contenu"
