from .agenda import AgendaPage
from .events import CALENDAR_PURPOSE, Event, Registration
from .trainings import TrainingIndexPage, TrainingMaterial, TrainingPage

__all__ = [
    "CALENDAR_PURPOSE",
    "AgendaPage",
    "Event",
    "Registration",
    "TrainingIndexPage",
    "TrainingMaterial",
    "TrainingPage",
]
