"""The committees' secretariat (governance issue, item 2): each committee's meetings, documents,
minutes and decisions reach that committee and the coordination only; a meeting never answers at
another committee's address; the coordinator prepares meetings in the admin."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from network.coordination.models import CommitteePage, Decision, Meeting, MeetingDocument
from network.coordination.models.committees import committee_collection
from tests.access import Nobody, committee_only, hidden, shown_to, snippet_rows

SLUGS = ("pilotage", "financeurs", "technique")


def minutes_of(slug):
    return f"Compte rendu confidentiel {slug}"


def decision_of(slug):
    return f"Décision réservée {slug}"


def document_title(slug):
    return f"Pièce réservée {slug}"


def elsewhere(slug):
    """A meeting of ``slug`` asked at another committee's address: that committee's members and
    the coordination pass the page's restriction and find no such meeting; others are refused."""
    return Nobody(
        {
            "anonymous": "login",
            "promeneur": "403",
            "coordination": "404",
            **{role: "404" if role == slug else "403" for role in SLUGS},
        }
    )


ROWS = [
    *snippet_rows("coordination/meeting", "{pilotage_meeting}"),
    ("/recherche/?q=réservée", hidden("Pièce réservée")),
    ("/recherche/?q=confidentiel", hidden("reunions/")),
]
for slug in SLUGS:
    mine, readers = committee_only(slug), {slug, "coordination"}
    meeting = f"/comites/{slug}/reunions/{{{slug}_meeting}}/"
    ROWS += [
        (f"/comites/{slug}/", shown_to(readers, decision_of(slug), within=mine)),
        (meeting, shown_to(readers, minutes_of(slug), within=mine)),
        (meeting, shown_to(readers, document_title(slug), within=mine)),
        (f"{{{slug}_document}}", mine),
    ]
    for other in SLUGS:
        if other != slug:
            ROWS += [
                (f"/comites/{slug}/", hidden(decision_of(other), within=mine)),
                (f"/comites/{slug}/reunions/{{{other}_meeting}}/", elsewhere(slug)),
            ]


def make_objects():
    held = timezone.now() - datetime.timedelta(days=7)
    objects = {}
    for slug in SLUGS:
        committee = CommitteePage.objects.get(slug=slug)
        meeting = Meeting.objects.create(
            committee=committee,
            title=f"Réunion {slug}",
            starts_at=held,
            agenda="<p>Ordre du jour</p>",
            minutes=f"<p>{minutes_of(slug)}</p>",
            agenda_published_at=held,
            minutes_published_at=held,
        )
        Decision.objects.create(meeting=meeting, text=decision_of(slug))
        document = Document(title=document_title(slug), collection=committee_collection(committee.committee_group))
        document.file.save("piece.txt", ContentFile(b"Piece reservee"), save=True)
        MeetingDocument.objects.create(meeting=meeting, document=document)
        objects[f"{slug}_meeting"] = meeting.pk
        objects[f"{slug}_document"] = document.url
    return objects
