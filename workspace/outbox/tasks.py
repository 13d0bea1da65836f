"""Queue e-mails in the outbox and deliver them in the background."""

from django_tasks import task

from .delivery import deliver
from .models import OutgoingEmail


@task()
def deliver_emails(pks):
    """Deliver these e-mails. When the server fails, come back when the first retry is due, on a
    backend that can defer (the database queue in production); elsewhere the periodic
    ``send_pending_mail`` command retries."""
    sent, failed = deliver(pks)
    if failed and deliver_emails.get_backend().supports_defer:
        unsent = OutgoingEmail.objects.waiting().filter(pk__in=pks).order_by("next_attempt_at")
        first = unsent.first()
        if first is not None:
            deliver_emails.using(run_after=first.next_attempt_at).enqueue(list(unsent.values_list("pk", flat=True)))
    return sent


def queue(messages):
    """Keep the messages in the outbox and ask the task queue to deliver them; returns how many."""
    rows = OutgoingEmail.objects.bulk_create(
        OutgoingEmail(
            subject=message.subject,
            body=message.body,
            from_email=message.from_email,
            to=list(message.to),
            cc=list(message.cc),
            bcc=list(message.bcc),
            reply_to=list(message.reply_to),
            headers=message.extra_headers,
            attachments=OutgoingEmail.stored_attachments(message),
        )
        for message in messages
    )
    deliver_emails.enqueue([row.pk for row in rows])
    return len(rows)
