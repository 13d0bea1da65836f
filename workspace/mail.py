"""The site's plain-text e-mails: one way to render them, to link back to the site and to send them
(through the outbox, workspace/outbox: never inside the user's request).

An e-mail template is named by its stem: ``app/emails/name`` stands for ``app/emails/name_subject.txt``
(the subject) and ``app/emails/name.txt`` (the body). They are rendered by the "mail" template engine
(settings.TEMPLATES), whose autoescaping is off: a plain-text e-mail is not HTML, and "d'octobre" or
"Jeunes & Co" must arrive as written, not as "d&#x27;octobre" or "Jeunes &amp; Co".
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

ENGINE = "mail"


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


def message(template, context, to):
    """One e-mail from the site's address to the list of addresses ``to``."""
    return EmailMessage(*render(template, context), settings.DEFAULT_FROM_EMAIL, to)


def to_each(template, context, recipients):
    """The same e-mail, one message per address: recipients never see each other's address."""
    subject, body = render(template, context)
    return [EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients]


def send(messages):
    """Hand the messages to the outbox, which delivers them in the background and retries until
    the mail server takes them; returns how many were queued."""
    # Imported here: this module is read while apps load (notifications, forms), before models are.
    from workspace.outbox.delivery import queue

    # As EmailMessage.send(): a message without any address is skipped, not handed to the backend.
    messages = [email for email in messages if email.recipients()]
    if not messages:
        return 0
    return queue(messages)
