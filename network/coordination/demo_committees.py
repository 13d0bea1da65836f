"""Demo secretariat: for each committee, a past meeting with its published minutes, a document and
an open decision, and the next meeting whose published agenda carries that decision. Marked as
already sent: loading the demo e-mails nobody. Safe to run twice: existing meetings are kept."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from network.coordination.models import CommitteePage, Decision, Meeting, MeetingDocument
from network.coordination.models.committees import committee_collection

PLACE = "Caf des Pyrénées-Orientales, 15 boulevard Kennedy, 66000 Perpignan (salle fictive)"
# slug: (past agenda, decision, owner, next agenda)
WORK = {
    "pilotage": (
        "<ol><li>Bilan annuel du dispositif</li><li>Orientations départementales</li><li>Questions diverses</li></ol>",
        "Présenter au prochain comité un plan de développement vers les intercommunalités sans promeneur.",
        "La coordination départementale",
        "<ol><li>Suivi des décisions</li><li>Plan de développement territorial</li><li>Calendrier de l'année</li></ol>",
    ),
    "financeurs": (
        "<ol><li>Engagements financiers de l'année</li><li>Conventions à renouveler</li></ol>",
        "Recenser les conventions arrivant à échéance avant l'été et proposer leur renouvellement.",
        "Service action sociale de la Caf",
        "<ol><li>Suivi des décisions</li><li>Budget prévisionnel</li></ol>",
    ),
    "technique": (
        "<ol><li>Retours des grilles d'activité</li><li>Besoins de formation</li></ol>",
        "Organiser une formation « Repérer le mal-être en ligne » au premier semestre.",
        "Coordination et Maison des adolescents",
        "<ol><li>Suivi des décisions</li><li>Préparation du comité de pilotage</li></ol>",
    ),
}


def _at(days, hour):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _document(committee, title):
    collection = committee_collection(committee.committee_group)
    document = Document.objects.filter(title=title, collection=collection).first()
    if document is None:
        document = Document(title=title, collection=collection)
        document.file.save("releve-de-decisions.txt", ContentFile("Relevé de décisions (fictif).".encode()), save=True)
    return document


def load(stdout):
    created = 0
    for committee in CommitteePage.objects.live().order_by("path"):
        if committee.slug not in WORK or committee.meetings.exists() or committee.committee_group is None:
            continue
        past_agenda, decision, owner, next_agenda = WORK[committee.slug]
        held = _at(-45, 14)
        past = Meeting.objects.create(
            committee=committee,
            title=f"Réunion du {committee.title.lower()}",
            starts_at=held,
            place=PLACE,
            agenda=past_agenda,
            minutes="<p>Présents : membres du comité (fictifs). Les points de l'ordre du jour ont été examinés ; "
            "la décision ci-dessous a été prise.</p>",
            agenda_published_at=held - datetime.timedelta(days=15),
            agenda_sent_at=held - datetime.timedelta(days=15),
            minutes_published_at=held + datetime.timedelta(days=7),
            minutes_sent_at=held + datetime.timedelta(days=7),
        )
        MeetingDocument.objects.create(
            meeting=past, document=_document(committee, f"Relevé de décisions — {committee.title}")
        )
        Decision.objects.create(
            meeting=past, text=decision, owner_name=owner, due_date=timezone.localdate() + datetime.timedelta(days=30)
        )
        now = timezone.now()
        Meeting.objects.create(
            committee=committee,
            title=f"Réunion du {committee.title.lower()}",
            starts_at=_at(40, 14),
            place=PLACE,
            agenda=next_agenda,
            agenda_published_at=now,
            agenda_sent_at=now,
        )
        created += 2
    stdout.write(f"Comités : {created} réunions créées.")
    return []
