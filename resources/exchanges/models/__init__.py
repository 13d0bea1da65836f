from .discussions import (
    Category,
    Discussion,
    ExchangePreferences,
    Follow,
    Kind,
    Message,
    Report,
    Revision,
    TaggedDiscussion,
)
from .faq import FaqEntry, MembersFaqPage, PublicFaqPage, Visibility
from .pages import ExchangeIndexPage

__all__ = [
    "Category",
    "Discussion",
    "ExchangeIndexPage",
    "ExchangePreferences",
    "FaqEntry",
    "Follow",
    "Kind",
    "MembersFaqPage",
    "Message",
    "PublicFaqPage",
    "Report",
    "Revision",
    "TaggedDiscussion",
    "Visibility",
]
