"""A promeneur registers for a training in Chromium, sees it in their registrations,
downloads its .ics, cancels; the agenda pages pass axe-core."""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from icalendar import Calendar
from playwright.sync_api import expect

from network.events.models import Registration, TrainingPage
from tests.browser.conftest import log_in
from tests.browser.test_accessibility import WCAG_AA
from tests.factories import EventFactory, UserFactory
from tests.pages import page_at, publish_child

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def training_session():
    training = publish_child(
        page_at("/espace/formations/"),
        TrainingPage(title="Repérer le mal-être en ligne", slug="mal-etre", trainer="Psychologue (fictive)"),
    )
    return EventFactory(title="Repérer le mal-être – session de mai", training=training, capacity=12)


def test_promeneur_registers_for_a_training_sees_it_downloads_the_ics_and_cancels(browser_page, training_session):
    lucie = UserFactory(username="lucie", first_name="Lucie", role="promeneur")
    page = browser_page
    log_in(page, "lucie", next_url="/espace/formations/mal-etre/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Repérer le mal-être en ligne")

    page.get_by_role("button", name=re.compile("M'inscrire")).click()
    expect(page.get_by_role("status")).to_contain_text("est confirmée")
    assert Registration.objects.get(user=lucie, event=training_session).status == "confirmee"

    page.goto("/espace/agenda/")
    page.get_by_role("link", name="Mes inscriptions et mon calendrier personnel").click()
    expect(page).to_have_url(re.compile(r"/espace/agenda/mes-inscriptions/$"))
    row = page.get_by_role("row", name=re.compile("session de mai"))
    expect(row).to_contain_text("Confirmée")

    with page.expect_download() as download_info:
        row.get_by_role("link", name=re.compile("Fichier .ics")).click()
    calendar = Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Repérer le mal-être – session de mai"]

    # « Annuler » asks first (a mis-tap on a phone would give the place away); keeping it changes nothing.
    row.get_by_role("link", name=re.compile("Annuler")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annuler mon inscription")
    assert_no_violation(page)
    page.get_by_role("link", name="Garder mon inscription").click()
    expect(page).to_have_url(re.compile(r"/espace/agenda/mes-inscriptions/$"))
    assert Registration.objects.get(user=lucie, event=training_session).status == "confirmee"

    page.get_by_role("row", name=re.compile("session de mai")).get_by_role("link", name=re.compile("Annuler")).click()
    page.get_by_role("button", name="Confirmer l'annulation").click()
    expect(page).to_have_url(re.compile(r"/espace/agenda/mes-inscriptions/$"))
    expect(page.get_by_role("status")).to_contain_text("est annulée")
    expect(page.get_by_text("Vous n'êtes inscrit·e à aucun événement à venir.")).to_be_visible()
    assert Registration.objects.get(user=lucie, event=training_session).status == "annulee"


def assert_no_violation(page):
    results = Axe().run(page, options=WCAG_AA)
    assert not results.response["violations"], results.generate_report()


def test_agenda_pages_have_no_wcag_violation(browser_page, training_session):
    UserFactory(username="lucie", role="promeneur")
    EventFactory(title="Forum public", audience="public")
    browser_page.goto("/agenda/")
    assert_no_violation(browser_page)
    log_in(browser_page, "lucie", next_url=f"/evenements/{training_session.pk}/")
    expect(browser_page.get_by_role("heading", level=1)).to_have_text(training_session.title)
    assert_no_violation(browser_page)
    for address in (
        "/espace/agenda/",
        "/espace/formations/",
        "/espace/formations/mal-etre/",
        "/espace/agenda/mes-inscriptions/",
    ):
        browser_page.goto(address)
        assert_no_violation(browser_page)
