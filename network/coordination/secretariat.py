"""Publishing a meeting's agenda or minutes: the members see it on their committee's page and
each of them gets one e-mail with the link to the meeting (never the file).

Publishing is an explicit act of the coordinator; it tells the members once, whatever happens
next: saving the meeting again, or publishing again after a correction, sends nothing more.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from network.coordination.models import Meeting
from workspace import mail
from workspace.cockpit.blocks import forget_blocks

AGENDA, MINUTES = "agenda", "minutes"
PUBLICATIONS = {
    AGENDA: {"label": "l'ordre du jour", "template": "coordination/emails/agenda_published"},
    MINUTES: {"label": "le compte rendu", "template": "coordination/emails/minutes_published"},
}


class NothingToPublish(Exception):
    """The agenda or minutes to publish are empty."""


def publish(meeting, what):
    """Publish the meeting's agenda or minutes (``AGENDA`` / ``MINUTES``) and tell the committee's
    members, once. Returns how many e-mails were sent (0 when no member has an address), None when
    they had already been told."""
    if not strip_tags(getattr(meeting, what)).strip():
        raise NothingToPublish
    published_field, sent_field = f"{what}_published_at", f"{what}_sent_at"
    with transaction.atomic():
        # Locked, so that two clicks at once cannot both find it unsent.
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        now = timezone.now()
        changed = {}
        if getattr(locked, published_field) is None:
            changed[published_field] = now
        if getattr(locked, sent_field) is None:
            changed[sent_field] = now
        if changed:
            Meeting.objects.filter(pk=meeting.pk).update(**changed)
            forget_blocks(Meeting)
        for field, value in changed.items():
            setattr(meeting, field, value)
        if sent_field not in changed:
            return None
        return mail.send(announcement(meeting, what))


def announcement(meeting, what):
    """One e-mail per member of the meeting's committee, with the link to the meeting's page."""
    context = {"meeting": meeting, "committee": meeting.committee, "url": mail.absolute_url(meeting.get_url())}
    recipients = meeting.members().values_list("email", flat=True)
    return mail.to_each(PUBLICATIONS[what]["template"], context, list(recipients))
