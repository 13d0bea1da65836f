from .grids import ActivityGrid, CoordinationJournalEntry, LedAction, NetworkActivity
from .pages import ActivityPage, EvaluationFiguresPage

__all__ = [
    "ActivityGrid",
    "ActivityPage",
    "CoordinationJournalEntry",
    "EvaluationFiguresPage",
    "LedAction",
    "NetworkActivity",
]
