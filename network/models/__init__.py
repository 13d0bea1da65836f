from .activity import ActivityGrid, CoordinationJournalEntry, LedAction, NetworkActivity
from .activity_pages import ActivityPage, EvaluationFiguresPage
from .agenda import AgendaPage
from .directory import Promeneur, SocialProfile, Structure, Territory, Theme
from .events import CalendarToken, Event, Registration
from .pages import MembersDirectoryPage, MyProfilePage, PublicDirectoryPage, RelaysPage
from .relays import Relay

__all__ = [
    "ActivityGrid",
    "ActivityPage",
    "AgendaPage",
    "CalendarToken",
    "CoordinationJournalEntry",
    "EvaluationFiguresPage",
    "Event",
    "LedAction",
    "MembersDirectoryPage",
    "MyProfilePage",
    "NetworkActivity",
    "Promeneur",
    "PublicDirectoryPage",
    "Registration",
    "Relay",
    "RelaysPage",
    "SocialProfile",
    "Structure",
    "Territory",
    "Theme",
]
