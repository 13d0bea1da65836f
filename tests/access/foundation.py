"""Addresses of the foundation: public pages, accounts, the space, committees, admin."""

from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection

from home.models import StandardPage
from tests.access import (
    committee_only,
    coordination_admin,
    everyone,
    logged_in,
    members_only,
    shown_to,
)
from tests.pages import page_at, publish_child

SECRET_RESOURCE = "Protocole confidentiel Zéphyrin"
SECRET_COPIL = "Budget prévisionnel Aldébaran"


ROWS = [
    # Public site
    ("/", everyone("200")),
    ("/favicon.ico", everyone("200")),  # served by WhiteNoise from workspace/root_files
    ("/le-dispositif/", everyone("200")),
    ("/charte/", everyone("200")),
    ("/mentions-legales/", everyone("200")),
    ("/accessibilite/", everyone("200")),
    ("/recherche/", everyone("200")),
    ("/nexiste-pas/", everyone("404")),
    # Wagtail's public API is not mounted: no listing of pages, documents or images around the rules.
    ("/api/v2/pages/", everyone("404")),
    ("/api/v2/documents/", everyone("404")),
    # The load balancer's health check: what answers, nothing about the site's content.
    ("/sante/", everyone("200")),
    ("/sitemap.xml", everyone("hides:/espace/")),
    ("/sitemap.xml", everyone("hides:/comites/")),
    # Accounts
    ("/connexion/", everyone("200")),
    ("/deconnexion/", everyone("200")),
    ("/deconnexion/confirmer/", everyone("405")),  # logging out is a POST
    ("/mot-de-passe/nouveau/MQ/lien-perime/", everyone("shows:Ce lien n'est plus valable")),
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
    ("/admin/snippets/directory/promeneur/", coordination_admin()),
    ("/admin/snippets/directory/structure/", coordination_admin()),
    ("/admin/snippets/directory/territory/", coordination_admin()),
]


def _document(collection_name, title):
    collection = Collection.objects.get(name=collection_name)
    document = Document(title=title, collection=collection)
    document.file.save("compte-rendu.txt", ContentFile(b"Contenu reserve"), save=True)
    return document


def _direct_file_url(document):
    return settings.MEDIA_URL + document.file.name


def make_objects():
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
