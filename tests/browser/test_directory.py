"""The directory in a real Chromium: a visitor finds a promeneur by territory and network;
a promeneur edits their profile and sees the change on their public sheet."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import PromeneurFactory, SocialProfileFactory, StructureFactory, TerritoryFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def assert_no_violation(page):
    results = Axe().run(page, options=WCAG_AA)
    assert not results.response["violations"], results.generate_report()


@pytest.fixture
def directory():
    conflent = TerritoryFactory(name="Conflent")
    cerdagne = TerritoryFactory(name="Cerdagne")
    mjc = StructureFactory(name="MJC de Prades", territory=conflent, commune="Prades")
    people = {}
    for first, last, territory, network, username in (
        ("Anna", "Prat", conflent, "instagram", "anna"),
        ("Bruno", "Serra", conflent, "discord", "bruno"),
        ("Carla", "Vidal", cerdagne, "instagram", "carla"),
    ):
        user = UserFactory(username=username, first_name=first, last_name=last, role="promeneur")
        promeneur = PromeneurFactory(
            user=user,
            structure=mjc,
            public_listing=True,
            presentation=f"Je suis {first}.",
            email=f"{username}@structure-test.fr",
            phone="06 01 02 03 04",
        )
        promeneur.territories.add(territory)
        promeneur.save()
        SocialProfileFactory(promeneur=promeneur, network=network, profile_name=f"{username}_pdn66")
        people[username] = promeneur
    return people


def test_visitor_filters_by_territory_and_network_and_opens_a_sheet(browser_page, directory):
    page = browser_page
    page.goto("/")
    navigation = page.get_by_role("navigation", name="Navigation principale")
    navigation.get_by_role("link", name="Trouver un promeneur").click()
    expect(page).to_have_url(re.compile(r"/annuaire/$"))
    expect(page.get_by_role("heading", name="3 promeneurs")).to_be_visible()
    assert_no_violation(page)

    page.get_by_label("Territoire").select_option(label="Conflent")
    page.get_by_label("Réseau social").select_option(label="Instagram")
    page.get_by_role("button", name="Filtrer").click()
    expect(page).to_have_url(re.compile(r"territoire=conflent"))
    expect(page.get_by_role("heading", name="1 promeneur", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Bruno Serra")).to_have_count(0)
    expect(page.get_by_role("link", name="Carla Vidal")).to_have_count(0)
    expect(page.get_by_label("Territoire")).to_have_value("conflent")  # the choice is kept

    page.get_by_role("link", name="Anna Prat").click()
    expect(page).to_have_url(re.compile(r"/annuaire/anna-prat/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Anna Prat")
    expect(page.get_by_role("link", name=re.compile("anna_pdn66"))).to_have_attribute(
        "href", "https://www.instagram.com/anna_pdn66"
    )
    expect(page.locator("main")).not_to_contain_text("anna@structure-test.fr")
    expect(page.locator("main")).not_to_contain_text("06 01 02 03 04")
    assert_no_violation(page)


def test_promeneur_edits_their_profile_and_sees_it_on_their_public_sheet(browser_page, directory):
    page = browser_page
    log_in(page, "anna", next_url="/espace/mon-profil/")
    expect(page).to_have_url(re.compile(r"/espace/mon-profil/$"))
    assert_no_violation(page)

    # A bad phone number: French message next to the field, the rest kept
    page.get_by_label("Présentation").fill("Je réponds le soir sur Instagram et TikTok.")
    page.get_by_label("Téléphone professionnel").fill("12 34")
    page.get_by_role("button", name="Enregistrer mon profil").click()
    expect(page.locator(".field-error")).to_contain_text("Saisissez un numéro de téléphone français valide")
    expect(page.get_by_label("Présentation")).to_have_value("Je réponds le soir sur Instagram et TikTok.")

    page.get_by_label("Téléphone professionnel").fill("06 99 88 77 66")
    page.get_by_label("Horaires en ligne").fill("lundi et jeudi 18h–20h")
    page.locator("#id_profils-1-network").select_option(label="TikTok")
    page.locator("#id_profils-1-profile_name").fill("anna_tiktok")
    page.locator("#id_profils-1-url").fill("https://www.tiktok.com/@anna_tiktok")
    page.get_by_role("button", name="Enregistrer mon profil").click()
    expect(page.get_by_text("Votre profil est enregistré")).to_be_visible()

    page.get_by_role("link", name="Voir ma fiche publique").click()
    expect(page).to_have_url(re.compile(r"/annuaire/anna-prat/$"))
    main = page.locator("main")
    expect(main).to_contain_text("Je réponds le soir sur Instagram et TikTok.")
    expect(main).to_contain_text("lundi et jeudi 18h–20h")
    expect(page.get_by_role("link", name=re.compile("anna_tiktok"))).to_have_attribute(
        "href", "https://www.tiktok.com/@anna_tiktok"
    )
    expect(main).not_to_contain_text("06 99 88 77 66")


def test_members_directory_and_relays_have_no_wcag_violation(browser_page, directory):
    page = browser_page
    log_in(page, "bruno", next_url="/espace/annuaire/")
    expect(page.get_by_text("anna@structure-test.fr")).to_be_visible()
    assert_no_violation(page)
    page.goto("/espace/relais/")
    expect(page.get_by_role("heading", name="Lignes d'urgence nationales")).to_be_visible()
    assert_no_violation(page)
