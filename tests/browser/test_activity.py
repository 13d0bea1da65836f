"""A promeneur fills their monthly grid; the coordinator sees it on the dashboard and exports the month."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from network.activity.models import ActivityGrid
from network.activity.models.grids import previous_month
from tests.browser.conftest import admin_log_in, log_in
from tests.browser.test_accessibility import assert_no_violation
from tests.factories import PromeneurFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_promeneur_drafts_then_submits_and_the_coordinator_counts_and_exports_it(browser_page, chromium, live_server):
    promeneur = PromeneurFactory(
        user=UserFactory(username="lucie", first_name="Lucie", last_name="Martin", role="promeneur")
    )
    UserFactory(username="coord", role="coordination")
    month = previous_month()
    page = browser_page

    log_in(page, "lucie", next_url="/espace/mon-activite/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon activité")
    page.get_by_role("link", name="Remplir une grille").click()
    expect(page.get_by_label("Mois concerné")).to_have_value(f"{month:%Y-%m}")
    # Typed the French way: a number field takes no comma in a browser set to English (it sent 45).
    page.get_by_label("Heures en ligne par semaine").fill("4,5")
    page.get_by_label("Instagram : Messages échangés").fill("25")
    page.get_by_label("Instagram : Jeunes accompagnés").fill("6")
    page.get_by_label("Instagram : dont nouveaux jeunes").fill("9")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    # A typing slip: French message next to the field, nothing lost.
    expect(page.get_by_role("alert")).to_contain_text("point à corriger")
    expect(page.locator("#id_reseaux-0-new_young_people_error")).to_contain_text("font partie des jeunes accompagnés")
    expect(page.get_by_label("Instagram : Messages échangés")).to_have_value("25")
    page.get_by_label("Instagram : dont nouveaux jeunes").fill("2")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.get_by_role("status")).to_contain_text("Brouillon")
    assert ActivityGrid.objects.get().status == "brouillon"
    assert ActivityGrid.objects.get().hours_per_week == Decimal("4.5")

    # Later, the draft is completed and submitted.
    page.goto("/espace/mon-activite/")
    page.get_by_role("link", name=re.compile("Compléter ma grille")).click()
    page.get_by_label("Instagram : Jeunes accompagnés").fill("7")
    page.get_by_label("Santé").check()
    page.get_by_label("Actions prévues").fill("Un atelier sur le sommeil avec le groupe du mercredi.")
    page.get_by_role("button", name="Transmettre la grille").click()
    expect(page.get_by_role("status")).to_contain_text("transmise à la coordination")
    expect(page.get_by_role("link", name="Modifier cette grille")).to_have_count(0)
    grid = ActivityGrid.objects.get()
    assert grid.status == "transmise" and grid.network_activities.get().young_people == 7

    # The coordinator sees it counted on the dashboard, then exports the month.
    coordinator = chromium.new_context(base_url=live_server.url, locale="fr-FR", accept_downloads=True).new_page()
    admin_log_in(coordinator, "coord")
    coordinator.goto("/admin/activite/")
    coordinator.get_by_label("Du mois").fill(f"{month:%Y-%m}")
    coordinator.get_by_label("Au mois (inclus)").fill(f"{month:%Y-%m}")
    coordinator.get_by_role("button", name="Afficher les chiffres").click()
    figures = coordinator.locator(".key-figures")
    expect(figures.locator("div", has_text="Jeunes accompagnés").locator("dd").first).to_have_text("7")
    expect(figures.locator("div", has_text="Grilles reçues").locator("dd").first).to_have_text("1")
    expect(coordinator.locator("#graphique-reseaux")).to_be_visible()
    with coordinator.expect_download() as download_info:
        coordinator.get_by_role("link", name="Grilles transmises de la période (CSV)").click()
    content = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    assert promeneur.full_name in content and f"{month:%d/%m/%Y}" in content  # French Excel dates
    assert "Un atelier sur le sommeil" in content
    coordinator.context.close()


def test_grid_form_with_errors_and_committee_figures_have_no_wcag_violation(browser_page, chromium, live_server):
    PromeneurFactory(user=UserFactory(username="lucie", role="promeneur"))
    log_in(browser_page, "lucie", next_url="/espace/mon-activite/nouvelle/")
    browser_page.get_by_label("Heures en ligne par semaine").fill("500")
    browser_page.get_by_role("button", name="Transmettre la grille").click()
    expect(browser_page.locator("#id_hours_per_week_error")).to_contain_text("Au plus 40 heures")
    assert_no_violation(browser_page)

    UserFactory(username="copil", role="pilotage")
    committee = chromium.new_context(base_url=live_server.url, locale="fr-FR").new_page()
    log_in(committee, "copil", next_url="/comites/chiffres-cles/")
    expect(committee.get_by_role("heading", level=1)).to_have_text("Chiffres clés du dispositif")
    assert_no_violation(committee)
    committee.context.close()


def test_dashboard_content_and_yearly_report_have_no_wcag_violation(browser_page):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.test_accessibility import WCAG_AA
    from tests.factories import ActivityGridFactory, NetworkActivityFactory

    grid = ActivityGridFactory(promeneur=PromeneurFactory())
    NetworkActivityFactory(grid=grid)
    UserFactory(username="coord", role="coordination")
    page = browser_page
    admin_log_in(page, "coord")
    page.goto("/admin/activite/")
    # Wagtail's own chrome is Wagtail's business: check what this feature adds, with WCAG 2.2's
    # target size (the month counts and the exports are small links).
    wcag_22 = {
        "runOnly": {"type": "tag", "values": [*WCAG_AA["runOnly"]["values"], "wcag22aa"]},
        "rules": {"target-size": {"enabled": True}},
    }
    results = Axe().run(page, context=".nice-padding", options=wcag_22)
    assert not results.response["violations"], results.generate_report()
    page.goto(f"/admin/activite/rapport/?annee={previous_month().year}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("rapport d'évaluation")
    assert_no_violation(page)
