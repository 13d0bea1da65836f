"""E-mails of the activity grids: the coordinator's alert and the monthly reminder."""

from django.conf import settings

from network.activity.models.grids import of_month
from workspace import mail


def notify_support_needed(grid):
    """Tell the coordination at once that a promeneur asks for support."""
    from network.activity.models import ActivityPage

    page = ActivityPage.objects.live().first()
    context = {
        "grid": grid,
        "promeneur": grid.promeneur,
        "month": of_month(grid.month),
        "url": mail.absolute_url(page.grid_url(grid)) if page else mail.absolute_url("/admin/"),
    }
    mail.send([mail.message("activity/emails/support_needed", context, [settings.COORDINATION_EMAIL])])


def send_reminder(promeneur, month, form_url):
    context = {"promeneur": promeneur, "month": of_month(month), "url": mail.absolute_url(form_url)}
    mail.send([mail.message("activity/emails/grid_reminder", context, [promeneur.email or promeneur.user.email])])
