"""axe-core (shipped inside axe-playwright-python, no CDN), WCAG 2.1 AA, in real Chromium, on every page
the public, a promeneur and the coordination use, with content on them: lists and their filters, a
second page of results, badges, forms sent empty to show their errors.

Each audience is one test: its network is built once (the browser tests run on a transactional
database, emptied after each test), its user logs in once, then every address of its table is
visited and checked on a wide screen, then, for the public and the members, on a phone (390 px:
the menu folds, tables scroll); the failure names each address with its rules."""

import io
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from home.scale import ScaleFiller
from network.activity.models.grids import current_month
from network.activity.totals import rebuild as rebuild_activity_totals
from network.coordination.models import CharterVersion, ContactMessage
from network.coordination.models.charter import accept
from network.events.models import TrainingPage
from resources.exchanges.models.discussions import Discussion
from tests.browser.conftest import admin_log_in, log_in
from tests.browser.phone import PHONE
from tests.cockpit_data import load_network
from tests.factories import (
    ActivityGridFactory,
    ApplicationFactory,
    DiscussionFactory,
    EventFactory,
    MessageFactory,
    PromeneurFactory,
    RegistrationFactory,
    RelayFactory,
    SocialProfileFactory,
    StructureFactory,
    TerritoryFactory,
    UserFactory,
    news_page,
    publication_page,
    resource_page,
    watch_page,
)
from tests.pages import page_at, publish_child

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page):
    """axe's violations on the page shown, in a few words each ([] when there is none)."""
    results = Axe().run(page, options=WCAG_AA)
    found = []
    for violation in results.response["violations"]:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        found.append(f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])}×) : {targets}")
    return found


def assert_no_violation(page):
    results = Axe().run(page, options=WCAG_AA)
    assert not results.response["violations"], results.generate_report()


# --- The network the pages show ---------------------------------------------------------------


def publish_charter():
    charter = page_at("/charte/")
    charter.version_label = "2026"
    charter.text = "<p>Je garde une présence identifiée et transparente sur les réseaux.</p>"
    charter.save_revision().publish()
    return CharterVersion.current()


def build_network():
    """Enough of everything for each list to show its filters, its items with their badges and a
    second page; returns the addresses that depend on the records made."""
    version = publish_charter()
    conflent = TerritoryFactory(name="Conflent")
    mjc = StructureFactory(name="MJC de Prades", territory=conflent, commune="Prades")
    lucie = PromeneurFactory(
        user=UserFactory(username="lucie", first_name="Lucie", last_name="Martin", role="promeneur"),
        structure=mjc,
        presentation="Animatrice jeunesse, présente le soir sur Instagram et Discord.",
    )
    lucie.territories.add(conflent)
    SocialProfileFactory(promeneur=lucie, network="instagram", profile_name="lucie_pdn66")
    SocialProfileFactory(promeneur=lucie, network="discord", profile_name="lucie#66")
    accept(lucie.user, version)

    filler = ScaleFiller(io.StringIO())
    people = filler.directory(60, relays=60)  # past one page of both directories and of the relays
    filler.grids([lucie, *people[:5]], 8)
    filler.exchanges(people[:6], 25)
    filler.pages(40)
    filler.events(people[:12], 30)
    ActivityGridFactory(promeneur=lucie, month=current_month(), status="brouillon")
    RelayFactory(organisation="Fil Santé Jeunes", is_national_emergency=True, phone="0 800 235 236")
    RelayFactory(organisation="Maison des adolescents", domain="sante_mentale", territory=conflent)

    discussion = DiscussionFactory(
        author=lucie.user, title="Un jeune écrit tard le soir", opening__body="Comment **répondez**-vous ?"
    )
    for person in people[:3]:
        MessageFactory(discussion=discussion, author=person.user, body="Je fixe mes horaires dans ma bio.")
    Discussion.objects.filter(pk=discussion.pk).update(last_activity_at=timezone.now())

    resource = resource_page(
        "Droit à l'image", slug="droit-image", category="cadre-juridique", tags=["droit"], intro="Repères."
    )
    watch_page("Rapport sur les écrans", tags=["écrans"], source="Inserm")
    news_page("Rencontre départementale", featured=True)
    publication = publication_page("Le réseau fête ses cinq ans", slug="cinq-ans", featured=True, tags=["réseau"])
    training = publish_child(
        page_at("/espace/formations/"),
        TrainingPage(title="Repérer le mal-être en ligne", slug="mal-etre", trainer="Psychologue (fictive)"),
    )
    session = EventFactory(title="Repérer le mal-être – session de mai", training=training, capacity=12)
    RegistrationFactory(event=EventFactory(title="Analyse de pratiques", kind="analyse"), user=lucie.user)
    full = EventFactory(title="Rencontre départementale", kind="rencontre", capacity=1)
    RegistrationFactory(event=full)
    forum = EventFactory(title="Forum des métiers de la jeunesse", kind="forum", audience="public", capacity=80)
    return {
        "sheet": f"/annuaire/{lucie.slug}/",
        "event": f"/evenements/{forum.pk}/",
        "publication": publication.url,
        "resource": resource.url,
        "discussion": f"/espace/echanges/{discussion.pk}/",
        "session": f"/evenements/{session.pk}/",
        "full": f"/evenements/{full.pk}/",
    }


def build_coordination():
    """What the coordination's cockpit and dashboards show: grids, missing grids, support requests,
    reports, changed profiles, events, an application and a message of the public."""
    load_network(30, 1, "axe")
    rebuild_activity_totals()  # the grids went in behind the signals' back
    for commune in ("Prades", "Céret", "Perpignan"):  # the coverage of the territory places them
        ActivityGridFactory(
            promeneur__structure=StructureFactory(name=f"Maison des jeunes de {commune}", commune=commune)
        )
    UserFactory(username="coord", first_name="Camille", last_name="Roig", role="coordination")
    ApplicationFactory()
    ContactMessage.objects.create(
        name="Un parent", email="parent@example.org", subject="Mon fils et les réseaux", message="Bonjour."
    )


# --- What is done on a page before it is checked ------------------------------------------------


def send_empty(page, button="Envoyer"):
    page.get_by_role("button", name=button).click()
    expect(page.locator(".field-error").first).to_be_visible()


def send_empty_discussion(page):
    send_empty(page, "Publier la discussion")


def send_grid_with_mistakes(page):
    page.get_by_label("Heures en ligne par semaine").fill("500")
    page.get_by_role("button", name="Transmettre la grille").click()
    expect(page.locator("#id_hours_per_week_error")).to_be_visible()


# (an address, or the name of one that build_network returns; what to do on the page before axe runs)
PUBLIC = [
    ("/annuaire/", None),
    ("/annuaire/?page=2", None),
    ("sheet", None),
    ("/agenda/", None),
    ("event", None),
    ("/publications/", None),
    ("publication", None),
    ("/contact/", None),
    ("/contact/", send_empty),
    ("/devenir-promeneur/", None),
    ("/devenir-promeneur/", send_empty),
    ("/charte/", None),
    ("/faq/", None),
]
MEMBERS = [
    ("/espace/", None),
    ("/espace/ressources/", None),
    ("/espace/ressources/?page=2", None),
    ("resource", None),
    ("/espace/veille/", None),
    ("/espace/actualites/", None),
    ("/espace/echanges/", None),
    ("/espace/echanges/?page=2", None),
    ("discussion", None),
    ("/espace/echanges/nouvelle/", send_empty_discussion),
    ("/espace/annuaire/", None),
    ("/espace/annuaire/?page=2", None),
    ("/espace/relais/", None),
    ("/espace/mon-profil/", None),
    ("/espace/mon-activite/", None),
    ("/espace/mon-activite/nouvelle/", None),
    ("/espace/mon-activite/nouvelle/", send_grid_with_mistakes),
    ("/espace/mes-flux/", None),
    ("/espace/agenda/", None),
    ("/espace/agenda/mes-inscriptions/", None),
    ("session", None),
    ("full", None),
    ("/espace/formations/", None),
    ("/espace/formations/mal-etre/", None),
    ("/espace/faq/", None),
    ("/recherche/?q=jeunes", None),
    ("/recherche/?q=jeunes&page=2", None),
]
# The whole page is checked, Wagtail's own chrome (menu, header, userbar) included: it has no violation.
ADMIN = [
    ("/admin/", None),
    ("/admin/activite/", None),
    ("/admin/activite/grilles-manquantes/", None),
    ("/admin/couverture/", None),
    ("/admin/annuaire/import/", None),
]
# The admin's way to the coverage of the territory leads to the committees' page the coordination reads.
REDIRECTS = {"/admin/couverture/": "/comites/chiffres-cles/couverture/"}

WIDE = {"width": 1200, "height": 900}
SCREENS = {"écran large": WIDE, "téléphone": PHONE}


def check_every_page(page, table, addresses, screens=SCREENS):
    """Each page of ``table`` shown (and its action done) once, checked on each of ``screens``."""
    failures = {}
    for address, before in table:
        page.set_viewport_size(WIDE)
        url = addresses.get(address, address)
        response = page.goto(url)
        assert response.ok, f"{url} : réponse {response.status}"
        # The page itself, not the login form nor the charter to accept; a second page has its pagination.
        assert urlsplit(page.url).path == REDIRECTS.get(url, urlsplit(url).path), f"{url} : mène à {page.url}"
        if "page=2" in url:
            expect(page.locator(".pagination")).to_contain_text("Page 2 sur")
        if before is not None:
            before(page)
            url = f"{url} ({before.__name__})"
        for screen, size in screens.items():
            page.set_viewport_size(size)
            if found := violations(page):
                failures[f"{url}, {screen}"] = found
    report = "\n".join(f"{name}\n  " + "\n  ".join(found) for name, found in failures.items())
    assert not failures, f"{len(failures)} vue(s) ne passent pas axe-core :\n{report}"


def test_public_pages_have_no_wcag_violation(browser_page):
    addresses = build_network()
    check_every_page(browser_page, PUBLIC, addresses)


def test_members_pages_have_no_wcag_violation(browser_page):
    addresses = build_network()
    log_in(browser_page, "lucie")
    browser_page.wait_for_url("**/espace/")
    check_every_page(browser_page, MEMBERS, addresses)


def test_coordination_screens_have_no_wcag_violation(browser_page):
    build_coordination()
    admin_log_in(browser_page, "coord")
    check_every_page(browser_page, ADMIN, {}, screens={"écran large": WIDE})


@pytest.mark.parametrize(
    "address", ["/", "/connexion/", "/le-dispositif/", "/recherche/?q=promeneur", "/page-inconnue/"]
)
def test_pages_of_an_empty_site_have_no_wcag_violation(browser_page, address):
    browser_page.goto(address)
    assert_no_violation(browser_page)


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(browser_page):
    browser_page.goto("/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "contenu"
