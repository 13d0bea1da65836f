"""Record a review (issue 11, item 6): as Coordination, from the admin home, in 3 clicks at most."""

import re

import pytest
from playwright.sync_api import expect

from network.coordination.models import IndividualReview
from tests.browser.conftest import admin_log_in
from tests.factories import PromeneurFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MAX_CLICKS = 3


class ClickCounter:
    def __init__(self):
        self.clicks = 0

    def click(self, locator):
        self.clicks += 1
        locator.click()


def test_coordination_records_a_review_from_the_admin_home_in_three_clicks(browser_page):
    promeneur = PromeneurFactory(
        user=UserFactory(username="lucie", first_name="Lucie", last_name="Martin", role="promeneur")
    )
    coordinator = UserFactory(username="coord", role="coordination")
    page, counter = browser_page, ClickCounter()
    admin_log_in(page, "coord")

    # Landing on /admin/: the cockpit says Lucie's review is due, with its action on her line.
    line = page.locator("#cockpit-bilans li", has_text="Lucie Martin")
    expect(line).to_contain_text("jamais reçu en bilan")
    counter.click(line.get_by_role("link", name="Nouveau bilan"))

    # The form arrives with Lucie chosen and today's date; typing is not clicking.
    expect(page).to_have_url(re.compile(r"/admin/coordination/individualreview/create/\?promeneur=\d+$"))
    page.get_by_role("textbox", name="Objectifs convenus").fill("Deux permanences en ligne par semaine.")
    page.get_by_role("textbox", name="Notes privées").fill("Premier échange, très motivée.")
    counter.click(page.get_by_role("button", name=re.compile("^Enregistrer")))

    expect(page).to_have_url(re.compile(r"/admin/coordination/individualreview/$"))
    review = IndividualReview.objects.get()
    assert review.promeneur == promeneur and review.written_by == coordinator
    assert review.objectives == "Deux permanences en ligne par semaine."
    assert counter.clicks <= MAX_CLICKS, f"{counter.clicks} clicks to record a review"
    print(f"Record a review: {counter.clicks} clicks (at most {MAX_CLICKS})")
