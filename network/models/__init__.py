from .agenda import AgendaPage
from .directory import Promeneur, SocialProfile, Structure, Territory, Theme
from .events import CalendarToken, Event, Registration

__all__ = [
    "AgendaPage",
    "CalendarToken",
    "Event",
    "Promeneur",
    "Registration",
    "SocialProfile",
    "Structure",
    "Territory",
    "Theme",
]
