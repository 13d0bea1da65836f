"""Who may do what in the exchanges. Views ask here; nothing else decides."""

from django.utils import timezone

from workspace.accounts.roles import is_coordination


def can_view_discussion(user, discussion):
    return not discussion.hidden or is_coordination(user) or discussion.author_id == user.pk


def can_see_message_text(user, message):
    """A hidden message is shown to its author and to the coordination only."""
    return not message.hidden or is_coordination(user) or message.author_id == user.pk


def can_reply(user, discussion):
    return discussion.accepts_replies


def within_edit_window(message, now=None):
    return (now or timezone.now()) <= message.editable_until()


def can_edit(user, message, now=None):
    """The author, for a while and while the message is visible; the coordination, always."""
    if is_coordination(user):
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


def can_moderate(user):
    return is_coordination(user)


def can_see_history(user, message):
    return is_coordination(user) or message.author_id == user.pk


def can_mark_answer(user, discussion):
    return is_coordination(user) or discussion.author_id == user.pk


def can_close(user, discussion):
    return is_coordination(user) or discussion.author_id == user.pk


def can_make_faq(user, discussion):
    return is_coordination(user) and discussion.is_resolved and not discussion.hidden
