"""E-mails of the activity grids: the coordinator's alert and the monthly reminder."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from network.activity.models.grids import of_month


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notify_support_needed(grid):
    """Tell the coordination at once that a promeneur asks for support."""
    from network.activity.models import ActivityPage

    page = ActivityPage.objects.live().first()
    context = {
        "grid": grid,
        "promeneur": grid.promeneur,
        "month": of_month(grid.month),
        "url": absolute_url(page.grid_url(grid)) if page else absolute_url("/admin/"),
    }
    send_mail(
        render_to_string("activity/emails/support_needed_subject.txt", context).strip(),
        render_to_string("activity/emails/support_needed.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [settings.COORDINATION_EMAIL],
    )


def send_reminder(promeneur, month, form_url):
    context = {"promeneur": promeneur, "month": of_month(month), "url": absolute_url(form_url)}
    send_mail(
        render_to_string("activity/emails/grid_reminder_subject.txt", context).strip(),
        render_to_string("activity/emails/grid_reminder.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [promeneur.email or promeneur.user.email],
    )
