"""The key pages are valid HTML (issue 15): html5lib reads them without a parse error, no id twice,
every reference to an id resolves, every <time datetime> is valid; each page has a meta
description, a select never offers "---------", and nothing the page asks for is missing (the
favicon included). Forms sent with mistakes link each help text and each error to its field."""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.core import mail

from home.scale import ScaleFiller
from network.activity.models.grids import previous_month
from network.coordination.joining import accept_application
from tests import pages
from tests.factories import ApplicationFactory, DiscussionFactory, EventFactory, MessageFactory
from tests.html_checks import all_elements, elements_by_id, problems, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(users):
    filler = ScaleFiller(io.StringIO())
    people = filler.directory(3, relays=3)
    filler.grids([users["promeneur"].promeneur, *people], 6)
    filler.events(people, 8)
    filler.pages(20)
    discussion = DiscussionFactory(author=users["promeneur"], title="Un jeune écrit tard le soir")
    MessageFactory(discussion=discussion, author=people[0].user)
    EventFactory(audience="public")


KEY_PAGES = [
    *(pytest.param(role, address, id=name) for role, address, name in pages.KEY_PAGES),
    pytest.param("anonymous", "/contact/", id="contact"),
    pytest.param("anonymous", "/devenir-promeneur/", id="candidature"),
    pytest.param("anonymous", "/page-inconnue/", id="page-introuvable"),
    pytest.param("promeneur", "/espace/agenda/", id="agenda-membres"),
    pytest.param("promeneur", "/espace/mon-activite/nouvelle/", id="grille"),
    pytest.param("promeneur", "/mot-de-passe/changer/", id="mot-de-passe"),
    pytest.param("pilotage", "/comites/chiffres-cles/", id="chiffres-cles"),
]


def get_page(client, address):
    response = client.get(address() if callable(address) else address)
    assert response.status_code in (200, 404), response.status_code
    return response.content.decode()


def missing_assets(client, body):
    """The site's own files the page asks for (styles, scripts, icons, images) that do not answer."""
    missing = []
    references = [(e, "href") for e in all_elements(body, "link")] + [
        (e, "src") for name in ("script", "img") for e in all_elements(body, name)
    ]
    for element, attribute in references:
        url = urlsplit(element.get(attribute) or "")
        if url.netloc or not url.path:
            continue
        if url.path.startswith("/static/"):
            found = finders.find(url.path.removeprefix("/static/"))
        else:
            found = client.get(url.path).status_code == 200
        if not found:
            missing.append(url.path)
    return missing


@pytest.mark.parametrize(("role", "address"), KEY_PAGES)
def test_key_page_is_valid_html_with_a_description_and_all_its_files(content, client_as, role, address):
    client = client_as(role)
    body = get_page(client, address)
    assert problems(body) == []
    (description,) = [m for m in all_elements(body, "meta") if m.get("name") == "description"]
    assert len(description.get("content").strip()) > 20
    assert [text_of(o) for o in all_elements(body, "option") if set(text_of(o)) == {"-"}] == []
    assert missing_assets(client, body) == []


def test_the_favicon_answers_at_the_address_browsers_ask_first(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content])[:4] == b"\0\0\1\0"


# --- Forms sent with mistakes: every help text and error is named by its field -----------------


def linked_notes(body):
    """Every field's help text and error list, and whether its field names it (aria-describedby)."""
    described = set()
    for name in ("input", "select", "textarea", "fieldset"):
        for element in all_elements(body, name):
            described.update((element.get("aria-describedby") or "").split())
    notes = {}
    for element in all_elements(body, "ul") + all_elements(body, "div") + all_elements(body, "p"):
        classes = (element.get("class") or "").split()
        if "errorlist" in classes and "nonfield" not in classes or "help" in classes and element.get("id"):
            notes[element.get("id") or text_of(element)] = (element.get("id") in described, text_of(element))
    return notes


def assert_every_note_is_linked(body, expected_error):
    assert problems(body) == []
    notes = linked_notes(body)
    assert [name for name, (linked, _) in notes.items() if not linked] == []
    assert any(expected_error in text for _, text in notes.values()), notes
    ids = elements_by_id(body)
    for element in all_elements(body, "input") + all_elements(body, "select") + all_elements(body, "textarea"):
        if element.get("aria-invalid") == "true" and element.get("type") not in ("checkbox", "radio"):
            errors = [ids[name] for name in element.get("aria-describedby", "").split()]
            assert any("errorlist" in (e.get("class") or "") for e in errors), element.get("name")


def test_the_profile_form_links_its_help_and_errors(client_as, users):
    body = client_as("promeneur").post(
        "/espace/mon-profil/",
        {
            "email": "pas-une-adresse",
            "phone": "12",
            "profils-TOTAL_FORMS": "1",
            "profils-INITIAL_FORMS": "0",
            "profils-0-network": "tiktok",
            "profils-0-profile_name": "lucie",
            "profils-0-url": "ftp://exemple",
        },
    )
    assert_every_note_is_linked(body.content.decode(), "Saisissez une adresse e-mail valide")


def test_the_grid_form_links_its_help_and_errors(client_as, users):
    body = client_as("promeneur").post(
        "/espace/mon-activite/nouvelle/",
        {
            "month": f"{previous_month():%Y-%m}",
            "hours_per_week": "beaucoup",
            "action": "submit",
            "reseaux-TOTAL_FORMS": "1",
            "reseaux-INITIAL_FORMS": "1",
            "reseaux-0-network": "instagram",
            "reseaux-0-messages": "-3",
            "reseaux-0-young_people": "0",
            "reseaux-0-new_young_people": "0",
            "actions-TOTAL_FORMS": "0",
            "actions-INITIAL_FORMS": "0",
        },
    )
    assert_every_note_is_linked(body.content.decode(), "Indiquez un nombre d'heures")


def test_the_invitation_form_links_its_help_and_errors(client):
    application = ApplicationFactory()
    accept_application(application)
    link = re.search(r"http://testserver(/invitation/[^/\s]+/)", mail.outbox[0].body).group(1)
    body = client.post(link, {"new_password1": "court", "new_password2": "autre"}).content.decode()
    assert_every_note_is_linked(body, "ne correspondent pas")


def test_the_contact_form_links_its_errors(client):
    body = client.post("/contact/", {"email": "pas-une-adresse"}).content.decode()
    assert_every_note_is_linked(body, "Saisissez une adresse de courriel valide")


def test_the_application_form_links_its_errors(client):
    body = client.post("/devenir-promeneur/", {"contact_email": "pas-une-adresse"}).content.decode()
    assert_every_note_is_linked(body, "Cochez au moins un réseau social")


def test_the_password_change_form_links_its_help_and_errors(client_as, users):
    body = client_as("promeneur").post(
        "/mot-de-passe/changer/", {"old_password": "faux", "new_password1": "a", "new_password2": "b"}
    )
    assert_every_note_is_linked(body.content.decode(), "ancien mot de passe")


def test_the_description_is_the_pages_own_else_its_intro_else_the_networks():
    from types import SimpleNamespace

    from workspace.display import DEFAULT_DESCRIPTION, meta_description

    page = SimpleNamespace(search_description="Trouver un promeneur près de chez soi.", intro="Chapeau.")
    assert meta_description(page, "Texte du réseau.") == "Trouver un promeneur près de chez soi."
    page.search_description = ""
    assert meta_description(page, "Texte du réseau.") == "Chapeau."
    assert meta_description(None, "Texte du réseau.") == "Texte du réseau."
    assert meta_description(None, "  ") == DEFAULT_DESCRIPTION
    assert len(meta_description(SimpleNamespace(intro="mot " * 100))) <= 160
