import base64
from datetime import timedelta

from django.core.mail import EmailMessage
from django.db import models
from django.utils import timezone

# How long a sent e-mail stays in the outbox: enough to answer "did the reminder leave?", not to keep
# for ever the addresses, first names and one-time links (password, invitation) of people who may
# since have left the network and been anonymised.
SENT_KEPT = timedelta(days=30)


class OutgoingEmailQuerySet(models.QuerySet):
    def waiting(self):
        """Not sent yet, and not given up (refused for good by the mail server: no retry will send it)."""
        return self.filter(sent_at__isnull=True, given_up_at__isnull=True)

    def due(self, now=None):
        return self.waiting().filter(next_attempt_at__lte=now or timezone.now())

    def expired(self, now=None):
        """Sent or given up long enough ago to be forgotten (SENT_KEPT); a message waiting is always kept."""
        limit = (now or timezone.now()) - SENT_KEPT
        return self.filter(models.Q(sent_at__lt=limit) | models.Q(given_up_at__lt=limit))


class OutgoingEmail(models.Model):
    """An e-mail the site has to send, kept until the mail server has taken it.

    The user's action only writes this row (in its own transaction): a slow or unreachable mail
    server can neither slow it down nor lose the message, which is retried until it leaves.
    """

    subject = models.CharField("Objet", max_length=998)
    body = models.TextField("Texte")
    from_email = models.CharField("Expéditeur", max_length=254)
    to = models.JSONField("Destinataires")
    cc = models.JSONField("Copie", default=list, blank=True)
    bcc = models.JSONField("Copie cachée", default=list, blank=True)
    reply_to = models.JSONField("Répondre à", default=list, blank=True)
    headers = models.JSONField("En-têtes", default=dict, blank=True)
    # [filename, content, mimetype, base64?]: text kept as is, bytes in base64.
    attachments = models.JSONField("Pièces jointes", default=list, blank=True)
    created_at = models.DateTimeField("Créé le", auto_now_add=True)
    sent_at = models.DateTimeField("Envoyé le", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("Tentatives", default=0)
    next_attempt_at = models.DateTimeField("Prochaine tentative", default=timezone.now)
    last_error = models.TextField("Dernière erreur", blank=True)
    given_up_at = models.DateTimeField("Abandonné le", null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = "E-mail sortant"
        verbose_name_plural = "E-mails sortants"
        indexes = [
            models.Index(fields=["next_attempt_at"], condition=models.Q(sent_at__isnull=True), name="outbox_due")
        ]

    def __str__(self):
        return self.subject

    @staticmethod
    def stored_attachments(message):
        stored = []
        for filename, content, mimetype in message.attachments:
            if isinstance(content, bytes):
                stored.append([filename, base64.b64encode(content).decode("ascii"), mimetype, True])
            else:
                stored.append([filename, content, mimetype, False])
        return stored

    def to_message(self, connection=None):
        message = EmailMessage(
            self.subject,
            self.body,
            self.from_email,
            self.to,
            bcc=self.bcc,
            cc=self.cc,
            reply_to=self.reply_to,
            headers=self.headers,
            connection=connection,
        )
        for filename, content, mimetype, encoded in self.attachments:
            message.attach(filename, base64.b64decode(content) if encoded else content, mimetype)
        return message

    def retry_delay(self):
        """1, 2, 4… minutes after each failure, at most an hour: a mail server that is down for
        a night gets its messages within the hour of its return."""
        return timedelta(minutes=min(2 ** max(self.attempts - 1, 0), 60))
