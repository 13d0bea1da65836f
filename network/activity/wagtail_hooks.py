from wagtail import hooks

from network.activity.notifications import grid_reminders_list

from .cockpit import MissingGridsBlock, MonthFiguresBlock, SupportRequestsBlock
from .home_blocks import GridDueBlock
from .viewsets import ActivityViewSetGroup

hooks.register("register_space_home_block", GridDueBlock)


@hooks.register("register_admin_viewset")
def register_activity_viewsets():
    return ActivityViewSetGroup()


hooks.register("register_cockpit_block", SupportRequestsBlock)
hooks.register("register_cockpit_block", MissingGridsBlock)
hooks.register("register_cockpit_block", MonthFiguresBlock)


@hooks.register("register_personal_data")
def grids_in_personal_data(user, promeneur):
    if promeneur is None:
        return {}
    return {
        "grilles_activite": [
            {
                "mois": grid.month.strftime("%Y-%m"),
                "etat": grid.get_status_display(),
                "heures_par_semaine": float(grid.hours_per_week),
                "actions_prevues": grid.actions_planned,
                "besoin_appui": grid.support_needed,
                "souhaits_formation": grid.training_wishes,
                "difficultes": grid.difficulties,
            }
            for grid in promeneur.activity_grids.order_by("month")
        ]
    }


@hooks.register("register_mailing_list")
def grid_reminders_mailing_list():
    return grid_reminders_list()
