from .activity import ActivityGrid, CoordinationJournalEntry, LedAction, NetworkActivity
from .activity_pages import ActivityPage, EvaluationFiguresPage
from .agenda import AgendaPage
from .directory import Promeneur, SocialProfile, Structure, Territory, Theme
from .events import CalendarToken, Event, Registration

__all__ = [
    "ActivityGrid",
    "ActivityPage",
    "AgendaPage",
    "CalendarToken",
    "CoordinationJournalEntry",
    "EvaluationFiguresPage",
    "Event",
    "LedAction",
    "NetworkActivity",
    "Promeneur",
    "Registration",
    "SocialProfile",
    "Structure",
    "Territory",
    "Theme",
]
