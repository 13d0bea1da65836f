"""The site's plain-text e-mails: one way to render them, to link back to the site and to send them
(through the outbox, workspace/outbox: never inside the user's request).

An e-mail template is named by its stem: ``app/emails/name`` stands for ``app/emails/name_subject.txt``
(the subject) and ``app/emails/name.txt`` (the body). They are rendered by the "mail" template engine
(settings.TEMPLATES), whose autoescaping is off: a plain-text e-mail is not HTML, and "d'octobre" or
"Jeunes & Co" must arrive as written, not as "d&#x27;octobre" or "Jeunes &amp; Co".

Every e-mail of the site is sent by a program, not a person: send() marks each one
``Auto-Submitted: auto-generated`` (RFC 3834), so that no out-of-office reply bounces back. An e-mail
of a mailing list a member may stop (the weekly digest, the grid reminder) carries
``List-Unsubscribe`` with a one-click link (RFC 8058): the feature that sends it registers the list
with the ``register_mailing_list`` hook and passes ``unsubscribe=(user, list name)`` to message().
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail import hooks

ENGINE = "mail"
AUTOMATIC_HEADERS = {
    "Auto-Submitted": "auto-generated",
    # Outlook and Exchange read this one instead: no out-of-office or delivery replies.
    "X-Auto-Response-Suppress": "All",
}
UNSUBSCRIBE_SALT = "workspace.mail.unsubscribe"
# A signed token is about 60 characters; anything much longer is refused before any work.
UNSUBSCRIBE_TOKEN_MAX_LENGTH = 200


@dataclass(frozen=True)
class MailingList:
    """E-mails a member receives unless they turn them off (hook ``register_mailing_list``)."""

    name: str  # short and stable: it is in the unsubscribe links already sent
    label: str  # what the member stops receiving, e.g. "la lettre hebdomadaire de l'espace membres"
    unsubscribe: Callable  # unsubscribe(user): turns the member's preference off
    preferences_path: str  # where the member turns it back on


def mailing_lists():
    return {
        mailing_list.name: mailing_list
        for mailing_list in (hook() for hook in hooks.get_hooks("register_mailing_list"))
    }


def unsubscribe_url(user, list_name):
    """The member's own one-click link: signed, so that nobody stops someone else's e-mails."""
    token = signing.dumps([user.pk, list_name], salt=UNSUBSCRIBE_SALT)
    return absolute_url(reverse("mail_unsubscribe", args=[token]))


def read_unsubscribe_token(token):
    """(user, MailingList) of a token made by unsubscribe_url, or None."""
    if not isinstance(token, str) or len(token) > UNSUBSCRIBE_TOKEN_MAX_LENGTH:
        return None
    try:
        user_pk, list_name = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    mailing_list = mailing_lists().get(list_name)
    user = get_user_model().objects.filter(pk=user_pk, is_active=True).first() if isinstance(user_pk, int) else None
    if mailing_list is None or user is None:
        return None
    return user, mailing_list


def absolute_url(path):
    """The address of ``path`` on the site, for what is read outside it (e-mails, calendar files)."""
    return settings.SITE_URL.rstrip("/") + path


def render_subject(template_name, context):
    # A header is one line: the template's line breaks and indentation become single spaces.
    return " ".join(render_to_string(template_name, context, using=ENGINE).split())


def render_body(template_name, context):
    return render_to_string(template_name, context, using=ENGINE)


def render(template, context):
    """The (subject, body) of the e-mail ``template`` (a stem, see above)."""
    return render_subject(f"{template}_subject.txt", context), render_body(f"{template}.txt", context)


def message(template, context, to, unsubscribe=None):
    """One e-mail from the site's address to the list of addresses ``to``. ``unsubscribe``: the
    (user, list name) of a mailing list (see above); the template gets its ``unsubscribe_url``."""
    headers = {}
    if unsubscribe:
        url = unsubscribe_url(*unsubscribe)
        context = {**context, "unsubscribe_url": url}
        headers = {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return EmailMessage(*render(template, context), settings.DEFAULT_FROM_EMAIL, to, headers=headers)


def to_each(template, context, recipients, reply_to=()):
    """The same e-mail, one message per address: recipients never see each other's address.
    ``reply_to``: where an answer goes, when not to the site's sending address."""
    subject, body = render(template, context)
    return [
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address], reply_to=list(reply_to))
        for address in recipients
    ]


def send(messages):
    """Hand the messages to the outbox, which delivers them in the background and retries until
    the mail server takes them; returns how many were queued."""
    # Imported here: this module is read while apps load (notifications, forms), before models are.
    from workspace.outbox.tasks import queue

    # As EmailMessage.send(): a message without any address is skipped, not handed to the backend.
    messages = [email for email in messages if email.recipients()]
    if not messages:
        return 0
    for email in messages:
        email.extra_headers = {**AUTOMATIC_HEADERS, **email.extra_headers}
    return queue(messages)
