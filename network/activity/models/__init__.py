from .grids import ActivityGrid, CoordinationJournalEntry, LedAction, NetworkActivity
from .pages import ActivityPage, EvaluationFiguresPage
from .reminders import GridReminder
from .totals import MonthlyTotals

__all__ = [
    "ActivityGrid",
    "ActivityPage",
    "CoordinationJournalEntry",
    "EvaluationFiguresPage",
    "GridReminder",
    "LedAction",
    "MonthlyTotals",
    "NetworkActivity",
]
