"""Discussions in the site search (/recherche/), registered in wagtail_hooks.py as a members-only
kind: the search never asks it for anyone else, and it checks again. Only discussions every member
reads (rules.visible_to_every_member: never a hidden one, even for its author or a moderator), found
by their title or the text of a message that is not hidden."""

from django.db.models import Q

from resources.exchanges.home_blocks import discussion_url, replies_label
from resources.exchanges.models import Discussion, Message
from workspace.accounts.roles import is_member
from workspace.search.types import Found, LazyHits, SearchHit
from workspace.search.words import matching, word_start


def in_a_visible_message(word):
    messages = Message.objects.filter(hidden=False).filter(word_start("body_text", word))
    return Q(pk__in=messages.values("discussion_id"))


def find_discussions(request, query):
    if not is_member(request.user):
        return Found([])
    discussions = matching(Discussion.objects.visible_to_every_member(), query, ("title", in_a_visible_message))

    def to_hit(discussion):
        meta = f"Discussion · {discussion.get_category_display()} · {replies_label(discussion.reply_count)}"
        return SearchHit(discussion.title, discussion_url(request, discussion), meta)

    return Found(LazyHits(discussions.order_by("-last_activity_at", "-pk"), to_hit))
