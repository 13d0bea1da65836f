"""Who may do what in the exchanges. Views, models and the admin ask here; nothing else decides.

Moderating is a model permission (``exchanges.change_message``, held by the Coordination
group): the site's moderation actions and the admin's snippets ask the same question."""

from django.db.models import Q
from django.utils import timezone


def can_moderate(user):
    return user.has_perm("exchanges.change_message")


def visible_discussions(user, prefix=""):
    """The one rule for who may read a discussion, as a filter (``prefix`` reaches it from a
    related model, e.g. "discussion__"): hidden discussions stay visible to their author and
    to moderators."""
    if can_moderate(user):
        return Q()
    visible = visible_to_every_member(prefix)
    return visible | Q(**{f"{prefix}author_id": user.pk}) if user.is_authenticated else visible


def visible_to_every_member(prefix=""):
    """The part of ``visible_discussions`` that any member reads, whoever they are (what the
    members' home may show from the shared cache)."""
    return Q(**{f"{prefix}hidden": False})


def can_see_message_text(user, message):
    """A hidden message is shown to its author and to moderators only."""
    return not message.hidden or can_moderate(user) or message.author_id == user.pk


def within_edit_window(message, now=None):
    return (now or timezone.now()) <= message.editable_until()


def can_edit(user, message, now=None):
    """The author, for a while and while the message is visible; the coordination, always."""
    if can_moderate(user):
        return True
    return message.author_id == user.pk and not message.hidden and within_edit_window(message, now)


def can_delete(user, message, now=None):
    """An author withdraws their own reply while they may still edit it (the opening message stays)."""
    return (
        not message.is_opening
        and message.author_id == user.pk
        and not message.hidden
        and within_edit_window(message, now)
    )


def can_see_history(user, message):
    return can_moderate(user) or message.author_id == user.pk


def can_mark_answer(user, discussion):
    return can_moderate(user) or discussion.author_id == user.pk


def can_close(user, discussion):
    return can_moderate(user) or discussion.author_id == user.pk


def can_make_faq(user, discussion):
    return user.has_perm("exchanges.add_faqentry") and discussion.is_resolved and not discussion.hidden
