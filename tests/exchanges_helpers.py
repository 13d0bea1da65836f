"""Addresses of the exchanges (routes of the page at /espace/echanges/) for the tests."""

EXCHANGES = "/espace/echanges/"


def discussion_url(discussion):
    return f"{EXCHANGES}{discussion.pk}/"


def message_action(message, action):
    return f"{EXCHANGES}message/{message.pk}/{action}/"


def discussion_action(discussion, action):
    return f"{EXCHANGES}{discussion.pk}/{action}/"
