"""Every members' page, and every public page, on a phone (390×844), with the demo content: none
scrolls sideways, and every interactive target of the main content is 44×44 px at least
(tests/browser/phone.py says exactly which elements count). The pages are found as their users find
them: a promeneur follows the links of the space from /espace/, to every address under /espace/ and
to the members' event pages (the charter acceptance page is where a promeneur who has not accepted
the charter lands); a signed-out visitor follows the public links from the home page."""

import io
import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from network.activity.models.grids import current_month
from network.directory.models import Promeneur
from tests.browser.conftest import log_in
from tests.browser.phone import fit_problems, phone_page
from tests.factories import ActivityGridFactory, PromeneurFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DEMO_PASSWORD = "Promeneur66!"
MEMBERS_PAGES = ("/espace/", "/evenements/")
# Files, not pages: calendars, feeds, exports, documents.
FILES = re.compile(r"\.(ics|csv|xlsx|json|xml|rss|pdf|txt)$|/rss/$|/flux/|/documents/")
# Each kind of members' page the crawl must have reached (else the test would prove nothing about it).
REQUIRED = {
    "l'accueil de l'espace": r"^/espace/$",
    "Mon activité": r"^/espace/mon-activite/$",
    "une nouvelle grille": r"^/espace/mon-activite/nouvelle/$",
    "un brouillon de grille": r"^/espace/mon-activite/grilles/\d+/modifier/$",
    "une grille transmise": r"^/espace/mon-activite/grilles/\d+/$",
    "un bilan annuel": r"^/espace/mon-activite/bilan/\d{4}/$",
    "mon profil": r"^/espace/mon-profil/$",
    "l'annuaire des membres": r"^/espace/annuaire/$",
    "les relais": r"^/espace/relais/$",
    "les échanges": r"^/espace/echanges/$",
    "une discussion": r"^/espace/echanges/\d+/$",
    "lancer une discussion": r"^/espace/echanges/nouvelle/$",
    "les ressources": r"^/espace/ressources/$",
    "une ressource": r"^/espace/ressources/[\w-]+/$",
    "l'agenda des membres": r"^/espace/agenda/$",
    "mes inscriptions": r"^/espace/agenda/mes-inscriptions/$",
    "un événement": r"^/evenements/\d+/$",
    "les formations": r"^/espace/formations/$",
    "la veille": r"^/espace/veille/$",
    "un article de veille": r"^/espace/veille/[\w-]+/$",
    "les actualités": r"^/espace/actualites/$",
    "une actualité": r"^/espace/actualites/[\w-]+/$",
    "la FAQ des membres": r"^/espace/faq/$",
}


def members_links(page, prefixes=MEMBERS_PAGES):
    paths = set()
    site = urlsplit(page.url).netloc
    for href in page.eval_on_selector_all("a[href]", "links => links.map((link) => link.href)"):
        url = urlsplit(href)
        if url.netloc == site and url.path.startswith(prefixes) and not FILES.search(url.path):
            paths.add(url.path)
    return paths


def visit_every_page(page, start="/espace/", prefixes=MEMBERS_PAGES):
    """Follow the links from ``start`` to every members' page (each address once, query strings aside):
    {path: [problems]} for the pages visited."""
    found, queue = {}, deque([start])
    while queue:
        path = queue.popleft()
        if path in found:
            continue
        try:
            response = page.goto(path)
        except PlaywrightError as error:  # a link with a download behind it
            if "Download is starting" in str(error):
                found[path] = []
                continue
            raise
        problems = [] if response.ok else [f"réponse {response.status}"]
        found[path] = problems + fit_problems(page)
        queue.extend(members_links(page, prefixes) - found.keys())
    return found


def test_every_members_page_fits_a_phone(chromium, live_server):
    call_command("load_demo", "--force", stdout=io.StringIO())
    lucie = Promeneur.objects.get(user__username="lucie.martin")
    ActivityGridFactory(promeneur=lucie, month=current_month(), status="brouillon")  # a draft to complete
    page = phone_page(chromium, live_server)
    log_in(page, "lucie.martin", password=DEMO_PASSWORD)
    page.wait_for_url("**/espace/")

    pages = visit_every_page(page)

    missing = [kind for kind, pattern in REQUIRED.items() if not any(re.match(pattern, path) for path in pages)]
    assert not missing, f"pages jamais atteintes : {missing} (visitées : {sorted(pages)})"
    # The grid form showing its errors is a page too.
    page.goto("/espace/mon-activite/nouvelle/")
    page.get_by_label("Heures en ligne par semaine").fill("500")
    page.get_by_role("button", name="Transmettre la grille").click()
    expect(page.locator("#id_hours_per_week_error")).to_be_visible()
    pages["/espace/mon-activite/nouvelle/ (avec erreurs)"] = fit_problems(page)

    # A promeneur who has not accepted the charter in force is sent to it from the space.
    PromeneurFactory(user=UserFactory(username="arrivee", role="promeneur"))
    newcomer = phone_page(chromium, live_server)
    log_in(newcomer, "arrivee")
    newcomer.wait_for_url("**/charte/accepter/**")
    expect(newcomer.get_by_role("heading", level=1)).to_be_visible()
    pages["/charte/accepter/"] = fit_problems(newcomer)

    failures = {path: problems for path, problems in pages.items() if problems}
    report = "\n".join(f"{path}\n  " + "\n  ".join(problems) for path, problems in sorted(failures.items()))
    assert not failures, f"{len(failures)} page(s) sur {len(pages)} ne tiennent pas sur un téléphone :\n{report}"
    page.context.close()
    newcomer.context.close()


def test_every_committee_page_fits_a_phone(chromium, live_server):
    # The key figures' monthly table (six columns) used to push the page to 662 px.
    call_command("load_demo", "--force", stdout=io.StringIO())
    page = phone_page(chromium, live_server)
    log_in(page, "copil", password="Comite66!", next_url="/comites/")
    page.wait_for_url("**/comites/")

    pages = visit_every_page(page, start="/comites/", prefixes=("/comites/",))

    for reached in ("/comites/pilotage/", "/comites/chiffres-cles/", "/comites/chiffres-cles/couverture/"):
        assert reached in pages, sorted(pages)
    assert any(re.match(r"^/comites/pilotage/reunions/\d+/$", path) for path in pages), sorted(pages)
    failures = {path: problems for path, problems in pages.items() if problems}
    report = "\n".join(f"{path}\n  " + "\n  ".join(problems) for path, problems in sorted(failures.items()))
    assert not failures, f"{len(failures)} page(s) sur {len(pages)} ne tiennent pas sur un téléphone :\n{report}"
    page.context.close()


# The public side, as a young person or a parent reaches it from the home page, signed out.
PUBLIC_PAGES = (
    "/annuaire/",
    "/agenda/",
    "/evenements/",
    "/publications/",
    "/faq/",
    "/contact/",
    "/devenir-promeneur/",
    "/charte/",
    "/le-dispositif/",
    "/mentions-legales/",
    "/accessibilite/",
    "/recherche/",
    "/connexion/",
)
PUBLIC_REQUIRED = {
    "l'annuaire": r"^/annuaire/$",
    "la fiche d'un promeneur": r"^/annuaire/[\w-]+/$",
    "une structure": r"^/annuaire/structure/[\w-]+/$",
    "les relais": r"^/annuaire/relais/$",
    "l'agenda": r"^/agenda/$",
    "un événement public": r"^/evenements/\d+/$",
    "les publications": r"^/publications/$",
    "une publication": r"^/publications/[\w-]+/$",
    "la connexion": r"^/connexion/$",
}


def test_every_public_page_fits_a_phone(chromium, live_server):
    # Standalone links (back to the directory, the relays, the calendar and feed subscriptions, the
    # login to register, clearing the filters) used to be 19 px high.
    call_command("load_demo", "--force", stdout=io.StringIO())
    page = phone_page(chromium, live_server)

    pages = visit_every_page(page, start="/", prefixes=PUBLIC_PAGES)
    missing = [kind for kind, pattern in PUBLIC_REQUIRED.items() if not any(re.match(pattern, path) for path in pages)]
    assert not missing, f"pages jamais atteintes : {missing} (visitées : {sorted(pages)})"
    # A search that finds no one, and a filter that is not understood, are pages too.
    for address in ("/annuaire/?q=zzzz", "/annuaire/?reseau=inconnu", "/agenda/?type=inconnu"):
        page.goto(address)
        pages[address] = fit_problems(page)

    failures = {path: problems for path, problems in pages.items() if problems}
    report = "\n".join(f"{path}\n  " + "\n  ".join(problems) for path, problems in sorted(failures.items()))
    assert not failures, f"{len(failures)} page(s) sur {len(pages)} ne tiennent pas sur un téléphone :\n{report}"
    page.context.close()
