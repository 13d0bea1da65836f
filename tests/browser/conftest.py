"""Real headless Chromium (Debian's) driven by Playwright against the live test server."""

import os
import re
from pathlib import Path

import pytest
from django.db import connections

from tests.factories import PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


# Function-scoped on purpose: Playwright's sync API switches greenlets, and Django's
# connection handler is context-local. Started after the database fixtures, it lets
# serialized_rollback restore the migrated data on the test's own connection.
@pytest.fixture
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium est introuvable ({CHROMIUM}) : installez le paquet Debian « chromium ».")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # The test's own ORM calls ran while Playwright held the thread's context: the
        # connection they opened belongs to it, and would outlive the test database.
        connections.close_all()


@pytest.fixture
def browser_page(chromium, live_server, request):
    context = chromium.new_context(locale="fr-FR", base_url=live_server.url, viewport={"width": 1200, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def admin_log_in(page, username, password=PASSWORD):
    """Log in to the Wagtail admin and wait for its dashboard."""
    from playwright.sync_api import expect

    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def log_in(page, username, password=PASSWORD, next_url="/espace/"):
    page.goto(f"/connexion/?next={next_url}")
    page.get_by_label("Identifiant ou adresse e-mail").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
