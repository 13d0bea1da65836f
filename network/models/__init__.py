from .activity import ActivityGrid, CoordinationJournalEntry, LedAction, NetworkActivity
from .activity_pages import ActivityPage, EvaluationFiguresPage
from .directory import Promeneur, SocialProfile, Structure, Territory, Theme

__all__ = [
    "ActivityGrid",
    "ActivityPage",
    "CoordinationJournalEntry",
    "EvaluationFiguresPage",
    "LedAction",
    "NetworkActivity",
    "Promeneur",
    "SocialProfile",
    "Structure",
    "Territory",
    "Theme",
]
