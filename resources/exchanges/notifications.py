"""E-mails of the exchanges: replies, new discussions in followed categories, moderation, reports."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q

from resources.exchanges.models.discussions import ExchangePreferences, Follow, Kind
from workspace import mail
from workspace.accounts.roles import MEMBER_GROUPS

# Where a member chooses the exchanges' e-mails (replies, followed categories, weekly digest).
PREFERENCES_PATH = "/espace/echanges/preferences/"


def _send(recipients, template, context, reply_to=()):
    context = {"preferences_url": mail.absolute_url(PREFERENCES_PATH), **context}
    messages = mail.to_each(f"exchanges/emails/{template}", context, sorted(set(recipients)), reply_to)
    mail.send(messages)
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
        {"message": message, "discussion": discussion, "url": mail.absolute_url(url), "excerpt": message.excerpt(500)},
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
        {"discussion": discussion, "url": mail.absolute_url(url), "excerpt": opening.excerpt(500)},
    )


def notify_moderation(message, action, reason, url):
    """The author is told why the coordination hid or edited their message; a reply goes to the
    coordination, as the e-mail says."""
    author = message.author
    if author is None or not author.email:
        return 0
    return _send(
        [author.email],
        "moderation",
        {"message": message, "action": action, "reason": reason, "url": mail.absolute_url(url), "author": author},
        reply_to=[settings.COORDINATION_EMAIL],
    )


def notify_report(report, url, admin_url):
    return _send(
        [settings.COORDINATION_EMAIL],
        "report",
        {"report": report, "url": mail.absolute_url(url), "admin_url": mail.absolute_url(admin_url)},
    )
