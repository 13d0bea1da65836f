"""E-mails leave through the outbox: the user's action never waits for, nor fails with, the mail
server, and a message the server refused is sent once it is back, once."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail as sent_mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from network.events import registrations
from tests.factories import EventFactory
from workspace import mail
from workspace.outbox.delivery import deliver
from workspace.outbox.models import OutgoingEmail

pytestmark = pytest.mark.django_db

DOWN = "tests.test_outbox.UnreachableServer"
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class UnreachableServer(EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def later(minutes):
    return timezone.now() + timedelta(minutes=minutes)


def test_a_message_is_kept_then_sent_and_marked_sent():
    mail.send([mail.message("activity/emails/support_needed", {"grid": None}, ["coordination@example.org"])])
    row = OutgoingEmail.objects.get()
    assert row.sent_at is not None and row.attempts == 1
    assert sent_mail.outbox[0].to == ["coordination@example.org"]


def test_registering_while_the_mail_server_is_down_succeeds_and_the_email_leaves_when_it_returns(
    users, django_capture_on_commit_callbacks
):
    event = EventFactory(title="Posture du promeneur", capacity=5)
    with override_settings(EMAIL_BACKEND=DOWN), django_capture_on_commit_callbacks(execute=True):
        registration = registrations.register(event, users["promeneur"])
    assert registration.pk is not None
    assert sent_mail.outbox == []
    waiting = OutgoingEmail.objects.get()
    assert waiting.sent_at is None and "SMTPServerDisconnected" in waiting.last_error
    assert waiting.attachments[0][0] == "evenement.ics"

    call_command("send_pending_mail")  # the retry is not due yet
    assert sent_mail.outbox == []

    OutgoingEmail.objects.update(next_attempt_at=timezone.now())
    call_command("send_pending_mail")
    call_command("send_pending_mail")
    assert len(sent_mail.outbox) == 1
    message = sent_mail.outbox[0]
    assert message.subject == "Inscription confirmée : Posture du promeneur"
    assert message.attachments[0][0] == "evenement.ics"
    assert "BEGIN:VCALENDAR" in message.attachments[0][1]


class WorkerStopped(BaseException):
    """The worker killed while it sends (a deploy restarts it): nothing of the run is caught."""


class StoppedOnTheThirdMessage(EmailBackend):
    def send_messages(self, messages):
        if len(sent_mail.outbox) == 2:
            raise WorkerStopped
        return super().send_messages(messages)


def test_a_worker_stopped_half_way_keeps_what_it_sent_and_the_next_run_sends_only_the_rest():
    addresses = [f"membre{n}@example.org" for n in range(4)]
    with override_settings(EMAIL_BACKEND=DOWN):
        mail.send(mail.to_each("activity/emails/support_needed", {"grid": None}, addresses))
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())
    with override_settings(EMAIL_BACKEND="tests.test_outbox.StoppedOnTheThirdMessage"), pytest.raises(WorkerStopped):
        deliver()
    assert OutgoingEmail.objects.filter(sent_at__isnull=False).count() == 2

    call_command("send_pending_mail")
    assert sorted(message.to[0] for message in sent_mail.outbox) == addresses


class SilentServer(EmailBackend):
    attempts = 0

    def send_messages(self, messages):
        SilentServer.attempts += 1
        raise TimeoutError("timed out")


class RefusesOneAddress(EmailBackend):
    def send_messages(self, messages):
        if messages[0].to == ["inconnu@example.org"]:
            raise smtplib.SMTPRecipientsRefused({"inconnu@example.org": (550, b"No such user")})
        return super().send_messages(messages)


def test_a_silent_mail_server_costs_one_wait_per_run_and_the_rest_wait_for_the_retry():
    addresses = [f"membre{n}@example.org" for n in range(3)]
    SilentServer.attempts = 0
    with override_settings(EMAIL_BACKEND="tests.test_outbox.SilentServer"):
        mail.send(mail.to_each("activity/emails/support_needed", {"grid": None}, addresses))
        assert SilentServer.attempts == 1
        assert not OutgoingEmail.objects.due().exists()
        assert all("TimeoutError" in row.last_error for row in OutgoingEmail.objects.all())
        call_command("send_pending_mail")  # the cron, five minutes later: nothing due yet
        assert SilentServer.attempts == 1
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())
    call_command("send_pending_mail")
    assert sorted(message.to[0] for message in sent_mail.outbox) == addresses


def test_a_refused_address_does_not_hold_back_the_others():
    addresses = ["membre0@example.org", "inconnu@example.org", "membre2@example.org"]
    with override_settings(EMAIL_BACKEND="tests.test_outbox.RefusesOneAddress"):
        mail.send(mail.to_each("activity/emails/support_needed", {"grid": None}, addresses))
    assert sorted(message.to[0] for message in sent_mail.outbox) == ["membre0@example.org", "membre2@example.org"]
    refused = OutgoingEmail.objects.get(sent_at__isnull=True)
    assert refused.to == ["inconnu@example.org"] and "550" in refused.last_error


def test_a_mail_server_that_never_answers_does_not_hold_the_worker_for_ever():
    from django.core.mail import get_connection

    assert 0 < get_connection("django.core.mail.backends.smtp.EmailBackend").timeout <= 60


def test_each_failure_waits_longer_up_to_an_hour():
    row = OutgoingEmail(attempts=1)
    assert row.retry_delay() == timedelta(minutes=1)
    row.attempts = 3
    assert row.retry_delay() == timedelta(minutes=4)
    row.attempts = 20
    assert row.retry_delay() == timedelta(minutes=60)


@pytest.fixture
def worker(monkeypatch):
    """The real ``db_worker`` command, run until the queue is empty. It closes the connection
    between tasks (as Django does between requests), which would end the test's transaction."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: call_command("db_worker", "--batch", "--interval", "0")


@override_settings(TASKS=DATABASE_QUEUE)
def test_in_production_the_request_only_queues_and_the_worker_sends(worker):
    from django_tasks_db.models import DBTaskResult

    mail.send(mail.to_each("activity/emails/support_needed", {"grid": None}, ["a@example.org", "b@example.org"]))
    assert sent_mail.outbox == []
    assert DBTaskResult.objects.count() == 1

    worker()
    assert sorted(message.to[0] for message in sent_mail.outbox) == ["a@example.org", "b@example.org"]
    assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()


@override_settings(TASKS=DATABASE_QUEUE, EMAIL_BACKEND=DOWN)
def test_in_production_a_failed_delivery_comes_back_when_the_retry_is_due(worker):
    from django_tasks_db.models import DBTaskResult

    mail.send([mail.message("activity/emails/support_needed", {"grid": None}, ["coordination@example.org"])])
    worker()
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after is not None and retry.run_after > timezone.now()


def test_sent_emails_are_forgotten_after_a_month_unsent_ones_never():
    mail.send(mail.to_each("activity/emails/support_needed", {"grid": None}, ["a@example.org", "b@example.org"]))
    old, recent = OutgoingEmail.objects.order_by("pk")
    OutgoingEmail.objects.filter(pk=old.pk).update(sent_at=timezone.now() - timedelta(days=31))
    OutgoingEmail.objects.filter(pk=recent.pk).update(sent_at=timezone.now() - timedelta(days=5))
    with override_settings(EMAIL_BACKEND=DOWN):
        mail.send([mail.message("activity/emails/support_needed", {"grid": None}, ["c@example.org"])])
    OutgoingEmail.objects.filter(sent_at__isnull=True).update(created_at=timezone.now() - timedelta(days=60))

    call_command("send_pending_mail")

    assert sorted(row.to[0] for row in OutgoingEmail.objects.all()) == ["b@example.org", "c@example.org"]


class RefusesForNow(EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({messages[0].to[0]: (452, b"Mailbox full, try again later")})


def test_an_address_refused_for_good_is_given_up_and_leaves_the_queue_on_time(client):
    """A 5xx answer will be the same at every retry: the message is given up (and logged), so that it
    is not retried every hour for ever, nor keeps /sante/ saying « en retard » for ever."""
    with override_settings(EMAIL_BACKEND="tests.test_outbox.RefusesOneAddress"):
        mail.send([mail.message("activity/emails/support_needed", {"grid": None}, ["inconnu@example.org"])])
        refused = OutgoingEmail.objects.get()
        assert refused.given_up_at is not None and refused.sent_at is None and "550" in refused.last_error
        OutgoingEmail.objects.update(next_attempt_at=timezone.now(), created_at=timezone.now() - timedelta(hours=2))
        call_command("send_pending_mail")
    refused.refresh_from_db()
    assert refused.attempts == 1
    assert client.get("/sante/").json()["queue"] == "ok"

    OutgoingEmail.objects.update(given_up_at=timezone.now() - timedelta(days=31))
    call_command("send_pending_mail")
    assert not OutgoingEmail.objects.exists()


def test_an_address_refused_for_now_is_retried():
    with override_settings(EMAIL_BACKEND="tests.test_outbox.RefusesForNow"):
        mail.send([mail.message("activity/emails/support_needed", {"grid": None}, ["pleine@example.org"])])
    waiting = OutgoingEmail.objects.get()
    assert waiting.given_up_at is None and "452" in waiting.last_error
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())
    call_command("send_pending_mail")
    assert [message.to for message in sent_mail.outbox] == [["pleine@example.org"]]
