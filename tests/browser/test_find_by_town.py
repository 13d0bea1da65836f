"""A young person or a parent on a phone (390 × 844) finds a promeneur near them from the home
page's box, by their town typed without accents; where nobody is, the nearest ones (issue 15)."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.factories import PromeneurFactory, SocialProfileFactory, StructureFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(chromium, live_server):
    context = chromium.new_context(locale="fr-FR", base_url=live_server.url, viewport=PHONE, has_touch=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def towns():
    for first, last, structure, commune, postcode in (
        ("Marta", "Bosch", "Mission locale du Vallespir", "Céret", "66400"),
        ("Pau", "Serra", "PIJ de Font-Romeu", "Font-Romeu-Odeillo-Via", "66120"),
    ):
        promeneur = PromeneurFactory(
            user=None,
            first_name=first,
            last_name=last,
            structure=StructureFactory(name=structure, commune=commune, postcode=postcode),
            presentation=f"Je suis {first}, écris-moi.",
        )
        SocialProfileFactory(promeneur=promeneur, network="instagram", profile_name=f"{first.lower()}_pdn66")


def assert_fits(page):
    """No sideways scrolling, and no axe violation."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    results = Axe().run(page, options=WCAG_AA)
    assert not results.response["violations"], results.generate_report()


def find(page, town):
    page.goto("/")
    box = page.get_by_label("Commune, code postal ou nom d'un promeneur")
    box.fill(town)
    page.get_by_role("button", name="Trouver", exact=True).click()


def test_from_the_home_box_to_a_promeneurs_sheet_on_a_phone(phone, towns):
    page = phone
    page.goto("/")
    expect(page.get_by_role("heading", name="Trouver un promeneur")).to_be_visible()
    help_now = page.get_by_role("region", name="Besoin d'aide maintenant ?")
    number = help_now.get_by_role("link", name=re.compile(r"^3114"))
    expect(number).to_have_attribute("href", "tel:3114")
    assert number.bounding_box()["height"] >= 44
    assert_fits(page)

    find(page, "ceret")
    expect(page).to_have_url(re.compile(r"/annuaire/\?q=ceret#resultats$"))
    # The answer opens on its results, not on the filter form above them.
    expect(page.get_by_role("heading", name="1 promeneur")).to_be_in_viewport()
    assert_fits(page)
    page.get_by_role("link", name="Marta Bosch").click()
    expect(page.get_by_role("heading", level=1, name="Marta Bosch")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("marta_pdn66"))).to_be_visible()
    assert_fits(page)


def test_a_town_where_nobody_is_offers_the_nearest_promeneurs(phone, towns):
    page = phone
    find(page, "Err")
    expect(page.get_by_text("Aucun promeneur à Err ; les plus proches :")).to_be_visible()
    assert_fits(page)
    page.get_by_role("link", name="Pau Serra").click()
    expect(page.get_by_role("heading", level=1, name="Pau Serra")).to_be_visible()
