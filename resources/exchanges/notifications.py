"""E-mails of the exchanges: replies, new discussions in followed categories, moderation, reports."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string

from resources.exchanges.models.discussions import ExchangePreferences, Follow, Kind
from workspace.accounts.roles import MEMBER_GROUPS


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(recipients, template, context):
    """One e-mail per recipient (addresses are never disclosed to each other)."""
    subject = render_to_string(f"exchanges/emails/{template}_subject.txt", context).strip()
    body = render_to_string(f"exchanges/emails/{template}.txt", context)
    messages = [
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in sorted(set(recipients))
    ]
    if messages:
        get_connection().send_messages(messages)
    return len(messages)


def members():
    """Active accounts of the members' space with an address: nobody else receives its content,
    even someone who followed a discussion before leaving the network."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name__in=MEMBER_GROUPS) | Q(is_superuser=True))
        .exclude(email="")
        .distinct()
    )


def _without_reply_emails():
    return ExchangePreferences.objects.filter(reply_emails=False).values("user_id")


def notify_reply(message, url):
    """The discussion's author (unless they opted out) and its followers learn of a reply."""
    discussion = message.discussion
    concerned = Q(pk=discussion.author_id) | Q(pk__in=Follow.objects.filter(discussion=discussion).values("user_id"))
    users = members().filter(concerned).exclude(pk=message.author_id).exclude(pk__in=_without_reply_emails())
    return _send(
        users.values_list("email", flat=True),
        "reply",
        {"message": message, "discussion": discussion, "url": absolute(url), "excerpt": message.excerpt(500)},
    )


def notify_new_discussion(discussion, opening, url):
    """Followers of the category; the coordination for a question."""
    users = members().filter(pk__in=Follow.objects.filter(category=discussion.category).values("user_id"))
    users = users.exclude(pk=discussion.author_id)
    recipients = list(users.values_list("email", flat=True))
    if discussion.kind == Kind.QUESTION:
        recipients.append(settings.COORDINATION_EMAIL)
    return _send(
        recipients,
        "new_discussion",
        {"discussion": discussion, "url": absolute(url), "excerpt": opening.excerpt(500)},
    )


def notify_moderation(message, action, reason, url):
    """The author is told why the coordination hid or edited their message."""
    author = message.author
    if author is None or not author.email:
        return 0
    return _send(
        [author.email],
        "moderation",
        {"message": message, "action": action, "reason": reason, "url": absolute(url), "author": author},
    )


def notify_report(report, url, admin_url):
    return _send(
        [settings.COORDINATION_EMAIL],
        "report",
        {"report": report, "url": absolute(url), "admin_url": absolute(admin_url)},
    )
