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
        unsent = OutgoingEmail.objects.filter(pk__in=pks, sent_at__isnull=True).order_by("next_attempt_at")
        first = unsent.first()
        if first is not None:
            deliver_emails.using(run_after=first.next_attempt_at).enqueue(list(unsent.values_list("pk", flat=True)))
    return sent
