"""E-mails of the activity grids: the coordinator's alert and the monthly reminder."""

from django.conf import settings

from network.activity.models.grids import of_month
from network.directory.models import Promeneur
from workspace import mail


def notify_support_needed(grid, grid_path):
    """Tell the coordination at once that a promeneur asks for support; ``grid_path``: where the
    coordination reads the grid (the activity page's address for it)."""
    context = {
        "grid": grid,
        "promeneur": grid.promeneur,
        "month": of_month(grid.month),
        "url": mail.absolute_url(grid_path),
    }
    mail.send([mail.message("activity/emails/support_needed", context, [settings.COORDINATION_EMAIL])])


GRID_REMINDERS = "rappel-grille"


def grid_reminders_list():
    return mail.MailingList(
        name=GRID_REMINDERS,
        label="le rappel mensuel de votre grille d'activité",
        unsubscribe=lambda user: Promeneur.objects.filter(user=user).update(grid_reminders=False),
        preferences_path="/espace/mon-profil/",
    )


def reminder_messages(promeneurs, month, form_url):
    """The reminder of the grid of ``month``, one e-mail per promeneur (with their first name)."""
    url, month_label = mail.absolute_url(form_url), of_month(month)
    return [
        mail.message(
            "activity/emails/grid_reminder",
            {"promeneur": promeneur, "month": month_label, "url": url},
            [promeneur.email or promeneur.user.email],
            unsubscribe=(promeneur.user, GRID_REMINDERS),
        )
        for promeneur in promeneurs
    ]
