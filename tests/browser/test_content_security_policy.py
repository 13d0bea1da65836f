"""The Content-Security-Policy blocks nothing the site and its admin need."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import admin_log_in
from tests.factories import UserFactory
from tests.pages import page_at

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_public_pages_and_the_admin_run_without_a_policy_violation(browser_page):
    page = browser_page
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    UserFactory(username="coord", role="coordination")
    home = page_at("/")

    page.goto("/connexion/")
    admin_log_in(page, "coord")
    page.goto(f"/admin/pages/{home.pk}/edit/")
    expect(page.locator("#id_title")).to_be_visible()
    page.goto("/admin/users/new/")
    expect(page.locator("#id_username")).to_be_visible()
    # A public page seen by an editor also carries Wagtail's user bar (its own scripts and styles).
    page.goto("/")
    expect(page.locator("wagtail-userbar")).to_be_attached()
    page.wait_for_load_state("networkidle")
    assert violations == []
