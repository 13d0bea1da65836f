"""Deliver the e-mails of the outbox, until the server takes them (tasks.py queues them)."""

import logging

from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from .models import OutgoingEmail

logger = logging.getLogger(__name__)


def deliver(pks=None):
    """Send the due e-mails (those of ``pks``, or all); returns (sent, failed).

    Rows are locked while they are sent and skipped by another worker, so that two workers
    (or the worker and the periodic command) never send the same message twice.
    """
    sent = failed = 0
    with transaction.atomic():
        due = OutgoingEmail.objects.due().select_for_update(skip_locked=True).order_by("pk")
        if pks is not None:
            due = due.filter(pk__in=pks)
        rows = list(due)
        if not rows:
            return 0, 0
        connection = get_connection()
        for row in rows:
            row.attempts += 1
            try:
                row.to_message(connection).send()
            except Exception as error:  # any failure of the mail server: keep the message and retry later
                logger.warning("E-mail %s non envoyé (tentative %s) : %s", row.pk, row.attempts, error)
                row.last_error = f"{type(error).__name__}: {error}"[:2000]
                row.next_attempt_at = timezone.now() + row.retry_delay()
                failed += 1
            else:
                row.sent_at = timezone.now()
                row.last_error = ""
                sent += 1
        OutgoingEmail.objects.bulk_update(rows, ["attempts", "sent_at", "next_attempt_at", "last_error"])
    return sent, failed
