from .agenda import AgendaPage
from .events import CalendarToken, Event, Registration
from .trainings import TrainingIndexPage, TrainingMaterial, TrainingPage

__all__ = [
    "AgendaPage",
    "CalendarToken",
    "Event",
    "Registration",
    "TrainingIndexPage",
    "TrainingMaterial",
    "TrainingPage",
]
