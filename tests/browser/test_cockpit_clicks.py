"""The coordinator's monthly tasks from /admin/, clicks counted, in real Chromium.

Each task starts on the landing page (the cockpit) and counts the clicks until it is done:
see what needs attention (0), remind the missing grids (≤ 2), mark a support request
handled (≤ 2), publish a news-watch item (≤ 4), export the month's figures (≤ 3)."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from network.activity.models import ActivityGrid, GridReminder
from network.activity.models.grids import format_month, previous_month
from resources.library.models import WatchPage
from tests.browser.conftest import admin_log_in
from tests.browser.test_accessibility import assert_no_violation
from tests.factories import ActivityGridFactory, PromeneurFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class Clicks:
    """Clicks a locator and counts it."""

    def __init__(self):
        self.count = 0

    def __call__(self, locator):
        self.count += 1
        locator.click()


def cockpit_block(page, name):
    return page.locator(f"#cockpit-{name}")


def test_the_monthly_tasks_take_a_few_clicks_from_the_landing_page(browser_page, chromium, live_server):
    month = previous_month()
    UserFactory(username="coord", role="coordination")
    missing = PromeneurFactory(user=UserFactory(username="karim", first_name="Karim", last_name="Absent"))
    asking = ActivityGridFactory(
        month=month,
        support_needed="J'aimerais un conseil sur une situation délicate.",
        promeneur__user=UserFactory(username="nadia", first_name="Nadia", last_name="Demande"),
    )
    page = browser_page
    admin_log_in(page, "coord")

    # See what needs attention: 0 clicks, it is the landing page.
    expect(page.get_by_role("heading", name="Ce qui vous attend aujourd'hui")).to_be_visible()
    expect(cockpit_block(page, "support-requests")).to_contain_text("Nadia Demande")
    expect(cockpit_block(page, "missing-grids")).to_contain_text("Karim Absent")
    assert_no_violation(page)

    # Remind the missing grids: one click.
    click = Clicks()
    click(cockpit_block(page, "missing-grids").get_by_role("button", name="Relancer"))
    expect(page.get_by_text(re.compile(r"promeneurs? relancés?"))).to_be_visible()
    expect(cockpit_block(page, "missing-grids")).to_contain_text("Relancé le")  # one promeneur: singular
    assert click.count <= 2
    reminder = GridReminder.objects.get()
    assert reminder.month == month and reminder.recipients == 1  # Karim; Nadia sent hers
    assert missing.pk  # reminded by e-mail (tests/test_cockpit_activity.py checks the addresses)

    # Mark a support request handled: one click.
    click = Clicks()
    click(cockpit_block(page, "support-requests").get_by_role("button", name="Traité"))
    expect(cockpit_block(page, "support-requests")).to_contain_text("Aucune demande d'appui en attente.")
    assert click.count <= 2
    asking.refresh_from_db()
    assert asking.support_handled_at is not None

    # Publish a news-watch item: the shortcut, the form, then "Publier" in the footer's menu.
    click = Clicks()
    click(cockpit_block(page, "publish").get_by_role("link", name="Nouvel article de veille"))
    page.locator("#id_title").fill("Rapport sur les usages numériques des 12-17 ans")
    page.locator("#id_link").fill("https://example.org/rapport-usages")
    page.locator("#id_commentary").fill("Des chiffres récents à partager avec les structures.")
    click(page.locator("footer .w-dropdown__toggle").first)
    click(page.locator("button[name=action-publish]"))
    expect(page.locator(".messages")).to_contain_text("publiée")
    assert click.count <= 4
    assert WatchPage.objects.live().filter(title__startswith="Rapport sur les usages").exists()

    # The whole list of the missing grids, from the block's "Tout voir".
    page.goto(f"/admin/activite/grilles-manquantes/?mois={month:%Y-%m}")
    expect(page.get_by_role("table")).to_contain_text("Karim Absent")
    assert_no_violation(page)

    # Export the month's figures: the cockpit's link downloads them.
    page.goto("/admin/")
    click = Clicks()
    with page.expect_download() as download_info:
        click(cockpit_block(page, "month-figures").get_by_role("link", name=re.compile(r"\(XLSX\)")))
    assert click.count <= 3
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    assert Path(download.path()).read_bytes()[:2] == b"PK"  # a zip: an XLSX workbook
    assert format_month(month) in cockpit_block(page, "month-figures").inner_text()
    assert ActivityGrid.objects.filter(month=month).count() == 1
