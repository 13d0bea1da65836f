"""What members and the coordination do to discussions: plain functions, called by the views."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from resources.exchanges.models.discussions import Discussion, Follow, Message, Report
from workspace.cockpit.blocks import forget_blocks


class Duplicate(Exception):
    """The same form was already submitted: ``existing`` is what the first submission created."""

    def __init__(self, existing):
        super().__init__("déjà enregistré")
        self.existing = existing


def _check_token(token):
    existing = Message.objects.filter(submission_token=token).select_related("discussion").first()
    if existing:
        raise Duplicate(existing)


def _create_once(token, create):
    _check_token(token)
    try:
        with transaction.atomic():
            return create()
    except IntegrityError:
        # A concurrent submission of the same form won the race on the unique token.
        _check_token(token)
        raise


def start_discussion(author, title, kind, category, tags, body, token):
    def create():
        now = timezone.now()
        discussion = Discussion.objects.create(
            title=title,
            kind=kind,
            category=category,
            author=author,
            created_at=now,
            last_activity_at=now,
            last_author=author,
        )
        if tags:
            discussion.tags.add(*tags)
        opening = Message.objects.create(
            discussion=discussion, author=author, body=body, is_opening=True, created_at=now, submission_token=token
        )
        return discussion, opening

    return _create_once(token, create)


class Refused(Exception):
    """An action the rules refuse, with the French sentence to show."""


def add_reply(discussion, author, body, token):
    def create():
        locked = Discussion.objects.select_for_update().get(pk=discussion.pk)
        if locked.closed:
            raise Refused(
                "Cette discussion est close : elle n'accepte plus de réponse. Votre texte est conservé ci-dessous."
            )
        if locked.hidden:
            raise Refused("Cette discussion a été masquée par la coordination : elle n'accepte plus de réponse.")
        message = Message.objects.create(discussion=locked, author=author, body=body, submission_token=token)
        locked.touch(message)
        return message

    return _create_once(token, create)


def withdraw(message, user):
    """The author withdraws a reply: it is hidden, its text kept for the coordination."""
    with transaction.atomic():
        message.hidden = True
        message.hidden_reason = "Retiré par son auteur."
        message.moderated_by = user
        message.save()
        _after_hiding(message)


def _after_hiding(message):
    discussion = message.discussion
    if discussion.answer_id == message.pk:
        discussion.answer = None
        discussion.save(update_fields=["answer"])
    latest = discussion.messages.filter(hidden=False).order_by("-created_at", "-pk").first() or message
    discussion.touch(latest)


def hide(message, moderator, reason):
    """Coordination hides a message; hiding the opening message hides the whole discussion."""
    with transaction.atomic():
        message.hidden = True
        message.hidden_reason = reason
        message.moderated_by = moderator
        message.save()
        if message.is_opening:
            Discussion.objects.filter(pk=message.discussion_id).update(hidden=True, hidden_reason=reason)
        else:
            _after_hiding(message)
        message.reports.update(handled=True)
        forget_blocks(Report, Discussion)


def unhide(message, moderator, reason):
    with transaction.atomic():
        message.hidden = False
        message.hidden_reason = ""
        message.moderated_by = moderator
        message.save()
        if message.is_opening:
            Discussion.objects.filter(pk=message.discussion_id).update(hidden=False, hidden_reason="")
            forget_blocks(Discussion)
        else:
            message.discussion.touch(message.discussion.messages.filter(hidden=False).order_by("-created_at").first())


def report(message, reporter, reason):
    """A member reports a message; reporting it twice keeps the first report."""
    try:
        with transaction.atomic():
            return Report.objects.create(message=message, reporter=reporter, reason=reason), True
    except IntegrityError:
        return Report.objects.get(message=message, reporter=reporter), False


# The next actions take the wanted state, not a toggle: the same form sent twice changes nothing more.


def set_answer(discussion, message, retained):
    if message.discussion_id != discussion.pk or message.is_opening or message.hidden:
        raise Refused("Seule une réponse visible de cette discussion peut être retenue comme la réponse.")
    if retained:
        discussion.answer = message
    elif discussion.answer_id == message.pk:
        discussion.answer = None
    discussion.save(update_fields=["answer"])
    return discussion.answer_id == message.pk


def set_closed(discussion, closed):
    discussion.closed = closed
    discussion.save(update_fields=["closed"])
    return closed


def set_following(user, discussion, following):
    if following:
        Follow.objects.get_or_create(user=user, discussion=discussion)
    else:
        Follow.objects.filter(user=user, discussion=discussion).delete()
    return following


def set_followed_categories(user, categories):
    Follow.objects.filter(user=user).exclude(category="").exclude(category__in=categories).delete()
    for category in categories:
        Follow.objects.get_or_create(user=user, category=category)
