"""Addresses of the conventions, the network's contacts and the coverage of the territory (issue 12,
items 1, 6 and 7): the admin's records are Coordination's only; the signed conventions are
documents only Coordination may fetch; the coverage is for the committees and the coordination."""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from network.coordination.conventions import conventions_collection
from network.coordination.models import Convention, NetworkContact
from network.directory.models import Commune
from tests.access import ROLES, Nobody, Post, coordination_admin, coordination_only, hidden
from tests.factories import StructureFactory

C = "/admin/coordination/convention/"
N = "/admin/coordination/networkcontact/"
COMMUNES = "/admin/annuaire/communes/"
COVERAGE = "/comites/chiffres-cles/couverture/"
SECRET_STRUCTURE = "Structure confidentielle Oréade"


def committees_and_coordination():
    return {**dict.fromkeys(ROLES, "200"), "anonymous": "login", "promeneur": "403"}


def convention_notes(objects):
    return Convention.objects.filter(pk=objects["convention"]).values_list("notes", flat=True).get()


def contact_notes(objects):
    return NetworkContact.objects.filter(pk=objects["network_contact"]).values_list("notes", flat=True).get()


def admin_rows(base, pk, post):
    return [
        (base, coordination_admin()),
        (base + "?export=csv", coordination_admin()),
        (base + "?export=xlsx", coordination_admin()),
        (base + "create/", coordination_admin()),
        (base + f"edit/{{{pk}}}/", coordination_admin(), post),
        (base + f"inspect/{{{pk}}}/", coordination_admin()),
        (base + f"history/{{{pk}}}/", coordination_admin()),
        (base + f"delete/{{{pk}}}/", coordination_admin()),
    ]


CONVENTION_EDIT = Post(
    coordination_admin("302"),
    convention_notes,
    {
        "reference": "CAF-MATRICE",
        "structure": "{convention_structure}",
        "start_date": "2026-01-01",
        "end_date": "2026-12-31",
        "status": "signee",
        "weekly_hours": "4",
        "amount": "1000",
        "notes": "Modifiée",
    },
    ("coordination",),
)
CONTACT_EDIT = Post(
    coordination_admin("302"),
    contact_notes,
    {"organisation": "Caf", "kind": "financeur", "notes": "Modifié"},
    ("coordination",),
)

ROWS = [
    *admin_rows(C, "convention", CONVENTION_EDIT),
    *admin_rows(N, "network_contact", CONTACT_EDIT),
    # The signed convention: Coordination only, never a direct file.
    ("{convention_document}", coordination_only()),
    # The commune chooser of the structures' form.
    (COMMUNES, coordination_admin()),
    (COMMUNES + "results/?q=perpignan", coordination_admin()),
    (COMMUNES + "chosen/{commune}/", coordination_admin()),
    (COMMUNES + "chosen-multiple/?id={commune}", coordination_admin()),
    # Communes come from a file: the chooser creates none, not even for the coordination.
    (
        COMMUNES + "create/",
        Nobody(coordination_admin("302")),
        Post(Nobody(coordination_admin("302")), lambda objects: Commune.objects.count(), {"name": "Nouvelle"}),
    ),
    # The admin's way to the coverage page.
    ("/admin/couverture/", Nobody(coordination_admin("302"))),
    # The coverage of the territory: committees and coordination; figures, never a structure's name.
    (COVERAGE, committees_and_coordination()),
    (COVERAGE, hidden(SECRET_STRUCTURE, within=committees_and_coordination())),
]


def make_objects():
    structure = StructureFactory(name=SECRET_STRUCTURE, commune="Prades")
    convention = Convention.objects.create(
        reference="CAF-MATRICE",
        structure=structure,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 12, 31),
        status=Convention.Status.SIGNED,
    )
    document = Document(title="Convention signée", collection=conventions_collection())
    document.file.save("convention.pdf", ContentFile(b"%PDF-1.4 convention"), save=True)
    convention.signed_document = document
    convention.save()
    contact = NetworkContact.objects.create(organisation="Caf des Pyrénées-Orientales", kind="financeur")
    return {
        "convention": convention.pk,
        "convention_structure": structure.pk,
        "convention_document": document.url,
        "network_contact": contact.pk,
        "commune": Commune.objects.get(code="66136").pk,
    }
