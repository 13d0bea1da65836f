"""Deliver the e-mails of the outbox, until the server takes them (tasks.py queues them)."""

import logging
import smtplib

from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from .models import OutgoingEmail

logger = logging.getLogger(__name__)


def deliver(pks=None):
    """Send the due e-mails (those of ``pks``, or all); returns (sent, failed).

    Each message is locked, sent and marked in a transaction of its own, and skipped by another
    worker while locked: two workers (or the worker and the periodic command) never send the same
    message twice, and a worker stopped half-way (a deploy, a crash) keeps the mark of what it had
    already sent, so the next run sends only the rest.
    """
    sent = failed = 0
    due = OutgoingEmail.objects.due().order_by("pk")
    if pks is not None:
        due = due.filter(pk__in=pks)
    connection = None
    listed = list(due.values_list("pk", flat=True))
    for index, pk in enumerate(listed):
        problem = None
        with transaction.atomic():
            row = OutgoingEmail.objects.due().select_for_update(skip_locked=True).filter(pk=pk).first()
            if row is None:  # taken by another worker, or sent meanwhile
                continue
            connection = connection or get_connection()
            row.attempts += 1
            try:
                row.to_message(connection).send()
            except Exception as error:  # any failure of the mail server: keep the message and retry later
                problem = error
                row.last_error = f"{type(error).__name__}: {error}"[:2000]
                if refused_for_good(error):
                    row.given_up_at = timezone.now()
                    logger.error("E-mail %s abandonné, refusé définitivement : %s", row.pk, error)
                else:
                    row.next_attempt_at = timezone.now() + row.retry_delay()
                    logger.warning("E-mail %s non envoyé (tentative %s) : %s", row.pk, row.attempts, error)
                failed += 1
            else:
                row.sent_at = timezone.now()
                row.last_error = ""
                sent += 1
            row.save(update_fields=["attempts", "sent_at", "next_attempt_at", "last_error", "given_up_at"])
        if problem is not None and server_unreachable(problem):
            # The others would wait for the same silent server, EMAIL_TIMEOUT each: they wait for this
            # one's retry instead, and the run (or the cron's next one) ends at once. A refused address
            # is not the server's fault: the others go on.
            with transaction.atomic():
                rest = (
                    OutgoingEmail.objects.due().filter(pk__in=listed[index + 1 :]).select_for_update(skip_locked=True)
                )
                waiting = list(rest.values_list("pk", flat=True))
                OutgoingEmail.objects.filter(pk__in=waiting).update(
                    next_attempt_at=row.next_attempt_at, last_error=row.last_error
                )
            failed += len(waiting)
            break
    return sent, failed


def server_unreachable(error):
    """Whether the mail server itself failed (down, silent, refusing our login), not one message."""
    if isinstance(error, (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, smtplib.SMTPAuthenticationError)):
        return True
    # smtplib's errors are OSErrors too; the others (refused connection, timeout…) are the network's.
    return isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException)


def refused_for_good(error):
    """Whether the server refused this message for good, as a 5xx answer says (every address unknown,
    the message rejected): retried every hour, it would never leave and keep the queue late for ever.
    A 4xx answer (mailbox full, try later) is retried."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return bool(error.recipients) and all(code >= 500 for code, _ in error.recipients.values())
    return isinstance(error, smtplib.SMTPDataError) and error.smtp_code >= 500
