"""Who may do what with activity grids. The members' space, the admin's grid list and
the dashboard ask here; each rule is a model permission, held by the Coordination group."""


def can_read_all_grids(user):
    """Every promeneur's grids, the dashboard and its exports, and the admin's way to the coverage
    of the territory (a page of the committees' space, which its restriction opens to them)."""
    return user.is_authenticated and user.has_perm("activity.view_activitygrid")


def can_reopen_grid(user):
    return user.is_authenticated and user.has_perm("activity.change_activitygrid")


def can_handle_support_request(user):
    """Marking a grid's support request handled changes the grid, as reopening it does."""
    return can_reopen_grid(user)


def can_remind_missing_grids(user):
    return user.is_authenticated and user.has_perm("activity.add_gridreminder")
