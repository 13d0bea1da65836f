import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

from tests.browser.conftest import admin_log_in, log_in
from tests.factories import UserFactory

# Transactional, so that the live server (another thread and connection) sees the
# data; serialized_rollback restores the page tree and groups made by migrations.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_anonymous_visitor_reads_the_home_page_and_is_sent_to_login_from_the_space(browser_page):
    page = browser_page
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("présents sur tes réseaux")
    expect(page.get_by_role("navigation", name="Navigation principale")).not_to_contain_text("Espace membres")
    page.get_by_role("link", name="Le dispositif").first.click()
    expect(page).to_have_url(re.compile(r"/le-dispositif/$"))
    page.goto("/espace/")
    expect(page).to_have_url(re.compile(r"/connexion/\?next=/espace/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Connexion")


def test_promeneur_logs_in_and_reaches_the_space(browser_page):
    UserFactory(username="lucie", first_name="Lucie", role="promeneur")
    page = browser_page
    log_in(page, "lucie")
    expect(page).to_have_url(re.compile(r"/espace/$"))
    expect(page.get_by_role("heading", name="Les rubriques de l'espace")).to_be_visible()
    expect(page.get_by_role("navigation", name="Navigation principale")).to_contain_text("Espace membres")
    page.get_by_role("link", name="Ressources").first.click()
    expect(page).to_have_url(re.compile(r"/espace/ressources/$"))


def test_wrong_password_shows_a_french_error_and_keeps_the_username(browser_page):
    UserFactory(username="lucie", role="promeneur")
    page = browser_page
    log_in(page, "lucie", password="pas-le-bon")
    expect(page.get_by_role("alert")).to_contain_text("Identifiant ou mot de passe incorrect")
    expect(page.get_by_label("Identifiant ou adresse e-mail")).to_have_value("lucie")


def test_coordinator_publishes_a_page_in_the_space_that_only_members_see(browser_page, chromium, live_server):
    from tests.pages import page_at

    UserFactory(username="coord", role="coordination")
    UserFactory(username="lucie", role="promeneur")
    resources = page_at("/espace/ressources/")
    page = browser_page

    admin_log_in(page, "coord")

    page.goto(f"/admin/pages/add/library/resourcepage/{resources.pk}/")
    page.locator("#id_title").fill("Fiche réflexe : droit à l'image")
    page.locator("#id_intro").fill("Ce qu'il faut savoir avant de publier une photo d'un jeune.")
    page.locator("#id_category").select_option("cadre-juridique")
    page.get_by_role("button", name=re.compile("Plus d.actions")).last.click()
    page.locator("button[name=action-publish]").click()
    expect(page.locator(".messages")).to_contain_text("publiée")

    published = Page.objects.live().child_of(resources).get(title="Fiche réflexe : droit à l'image")
    assert published.url.startswith("/espace/ressources/")

    anonymous = chromium.new_context(base_url=live_server.url).new_page()
    anonymous.goto(published.url)
    expect(anonymous).to_have_url(re.compile(r"/connexion/\?next="))
    anonymous.context.close()

    member = chromium.new_context(base_url=live_server.url, locale="fr-FR").new_page()
    log_in(member, "lucie", next_url="/espace/ressources/")
    expect(member.get_by_role("link", name="Fiche réflexe : droit à l'image")).to_be_visible()
    member.get_by_role("link", name="Fiche réflexe : droit à l'image").click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Fiche réflexe : droit à l'image")
    member.context.close()
