"""Who gets what, address by address: the product's privacy promise as one table.

Every address the site serves appears here with the answer expected for each role.
Later features add their rows to MATRIX (and their objects to ``site_objects``).

Expectations:
  "200"          the page is served
  "login"        redirect to /connexion/?next=<address>
  "admin-login"  redirect to the Wagtail admin's login
  "403", "404"   refused / unknown
  "shows:TEXT"   served (200) and TEXT is in the body
  "hides:TEXT"   TEXT is not in the body (whatever the status)
"""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection

from conftest import ROLES
from home.models import StandardPage
from tests.pages import page_at, publish_child

SECRET_RESOURCE = "Protocole confidentiel Zéphyrin"
SECRET_COPIL = "Budget prévisionnel Aldébaran"


def everyone(expected):
    return dict.fromkeys(ROLES, expected)


def members_only(ok="200"):
    """The members' space: promeneurs and coordination; committees are refused."""
    return {
        "anonymous": "login",
        "promeneur": ok,
        "coordination": ok,
        "pilotage": "403",
        "financeurs": "403",
        "technique": "403",
    }


def committee_only(committee, ok="200"):
    expected = dict.fromkeys(ROLES, "403")
    expected.update(anonymous="login", coordination=ok, **{committee: ok})
    return expected


def logged_in(ok="200"):
    return {**everyone(ok), "anonymous": "login"}


def coordination_admin():
    return {**everyone("admin-login"), "coordination": "200"}


def shown_to(roles, text):
    return {role: (f"shows:{text}" if role in roles else f"hides:{text}") for role in ROLES}


MATRIX = [
    # Public site
    ("/", everyone("200")),
    ("/le-dispositif/", everyone("200")),
    ("/charte/", everyone("200")),
    ("/mentions-legales/", everyone("200")),
    ("/accessibilite/", everyone("200")),
    ("/recherche/", everyone("200")),
    ("/nexiste-pas/", everyone("404")),
    ("/sitemap.xml", everyone("hides:/espace/")),
    ("/sitemap.xml", everyone("hides:/comites/")),
    # Accounts
    ("/connexion/", everyone("200")),
    ("/deconnexion/", everyone("200")),
    ("/mot-de-passe/oublie/", everyone("200")),
    ("/mot-de-passe/oublie/envoye/", everyone("200")),
    ("/mot-de-passe/nouveau/termine/", everyone("200")),
    ("/mot-de-passe/changer/", logged_in()),
    ("/mot-de-passe/change/", logged_in()),
    # Members' space
    ("/espace/", members_only()),
    ("/espace/ressources/", members_only()),
    ("/espace/veille/", members_only()),
    ("/espace/actualites/", members_only()),
    ("/espace/formations/", members_only()),
    ("/espace/echanges/", members_only()),
    ("/espace/ressources/protocole-confidentiel/", members_only(ok=f"shows:{SECRET_RESOURCE}")),
    ("{member_document}", members_only()),
    ("{member_document_file}", everyone("404")),
    # Committees
    ("/comites/", {**everyone("200"), "anonymous": "login", "promeneur": "403"}),
    ("/comites/pilotage/", committee_only("pilotage")),
    ("/comites/financeurs/", committee_only("financeurs")),
    ("/comites/technique/", committee_only("technique")),
    ("/comites/pilotage/budget/", committee_only("pilotage", ok=f"shows:{SECRET_COPIL}")),
    ("{copil_document}", committee_only("pilotage")),
    # Search shows a private title only to those who may open the page
    ("/recherche/?q=Zéphyrin", shown_to({"promeneur", "coordination"}, SECRET_RESOURCE)),
    ("/recherche/?q=Aldébaran", shown_to({"pilotage", "coordination"}, SECRET_COPIL)),
    ("/recherche/?q=Aldébaran", shown_to({"pilotage", "coordination"}, 'href="/comites/pilotage/budget/"')),
    # Navigation shows the member links to members only
    ("/", shown_to({"promeneur", "coordination"}, 'href="/espace/"')),
    ("/", shown_to({"pilotage", "financeurs", "technique", "coordination"}, 'href="/comites/"')),
    ("/", shown_to({"coordination"}, 'href="/admin/"')),
    # Wagtail admin: coordination only
    ("/admin/", coordination_admin()),
    ("/admin/pages/", coordination_admin()),
    ("/admin/documents/", coordination_admin()),
    ("/admin/snippets/network/promeneur/", coordination_admin()),
    ("/admin/snippets/network/structure/", coordination_admin()),
    ("/admin/snippets/network/territory/", coordination_admin()),
]


def _document(collection_name, title):
    collection = Collection.objects.get(name=collection_name)
    document = Document(title=title, collection=collection)
    document.file.save("compte-rendu.txt", ContentFile(b"Contenu reserve"), save=True)
    return document


def _direct_file_url(document):
    return settings.MEDIA_URL + document.file.name


@pytest.fixture
def site_objects(db):
    publish_child(
        page_at("/espace/ressources/"),
        StandardPage(title=SECRET_RESOURCE, slug="protocole-confidentiel", intro="Réservé aux membres."),
    )
    publish_child(page_at("/comites/pilotage/"), StandardPage(title=SECRET_COPIL, slug="budget"))
    member_document = _document("Documents des membres", "Compte rendu réservé")
    return {
        "member_document": member_document.url,
        "member_document_file": _direct_file_url(member_document),
        "copil_document": _document("Documents du comité de pilotage", "Document du comité").url,
    }


def answer_matches(response, expected):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    body = content.decode(errors="replace")
    location = response.get("Location", "")
    if expected.startswith("shows:"):
        return response.status_code == 200 and expected[6:] in body
    if expected.startswith("hides:"):
        return expected[6:] not in body
    if expected == "login":
        return response.status_code == 302 and location.startswith("/connexion/?next=")
    if expected == "admin-login":
        return response.status_code == 302 and location.startswith("/admin/login/")
    return response.status_code == int(expected)


@pytest.mark.parametrize(("address", "expectations"), MATRIX, ids=[f"{i}:{a}" for i, (a, _) in enumerate(MATRIX)])
def test_access_matrix(client_as, site_objects, address, expectations):
    address = address.format(**site_objects)
    wrong = []
    for role in ROLES:
        response = client_as(role).get(address)
        if not answer_matches(response, expectations[role]):
            wrong.append(
                f"{role}: expected {expectations[role]!r}, got {response.status_code} {response.get('Location', '')}"
            )
    assert not wrong, f"{address}\n" + "\n".join(wrong)


def test_every_role_has_an_expectation():
    for address, expectations in MATRIX:
        assert set(expectations) == set(ROLES), address
