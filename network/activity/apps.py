from django.apps import AppConfig

from workspace.app_traits import ManagedByCoordination


class ActivityConfig(ManagedByCoordination, AppConfig):
    name = "network.activity"
    label = "activity"
    verbose_name = "Activité"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_init, post_save

        from network.events.models import Event

        from . import stats, totals
        from .models import ActivityGrid, CoordinationJournalEntry, LedAction, NetworkActivity

        # The monthly totals of the network (totals.py): a write marks its month to be summed again.
        post_init.connect(totals.remember_month, sender=ActivityGrid, dispatch_uid="totals_remember_month")
        post_save.connect(totals.grid_written, sender=ActivityGrid, dispatch_uid="totals_grid_saved")
        post_delete.connect(totals.grid_written, sender=ActivityGrid, dispatch_uid="totals_grid_deleted")
        for model in (NetworkActivity, LedAction):
            post_save.connect(totals.grid_row_written, sender=model, dispatch_uid=f"totals_{model.__name__}_saved")
        m2m_changed.connect(
            totals.grid_themes_changed, sender=ActivityGrid.themes.through, dispatch_uid="totals_grid_themes"
        )
        # The years the figures offer start at the first grid, journal entry or event (stats.years).
        for model in (ActivityGrid, CoordinationJournalEntry, Event):
            for signal, written in ((post_save, "saved"), (post_delete, "deleted")):
                uid = f"first_day_{model.__name__}_{written}"
                signal.connect(stats.forget_first_day, sender=model, dispatch_uid=uid)
