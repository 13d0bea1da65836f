"""Who is expected to send a grid for a month, who has not, and reminding them.

One rule for the scheduled command (send_activity_reminders), the cockpit's "Relancer"
button and the admin's list of missing grids.
"""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from network.activity.models import ActivityGrid, ActivityPage, GridReminder
from network.activity.models.grids import current_month, previous_month
from network.activity.notifications import reminder_messages
from network.activity.stats import last_day
from network.directory.models import Promeneur
from workspace import mail
from workspace.display import agreed, french_date

NOT_YET_OVER = "Ce mois n'est pas terminé : un rappel ne concerne qu'un mois échu."
IN_THE_FUTURE = "Ce mois est dans le futur : un rappel ne concerne qu'un mois échu."


def reminder_month():
    """The month the reminders target today: the one that just ended."""
    return previous_month()


def check_reminder_month(month):
    """Raise a ValidationError in French unless ``month`` is over."""
    if month > current_month():
        raise ValidationError(IN_THE_FUTURE)
    if month == current_month():
        raise ValidationError(NOT_YET_OVER)


def missing_grid_promeneurs(month, among=None):
    """Active promeneurs with an account and an address, in the network that month, without a
    submitted grid (a draft does not count); only those of the queryset ``among`` if given
    (e.g. the promeneurs of a territory)."""
    submitted = ActivityGrid.objects.submitted().filter(month=month).values("promeneur")
    promeneurs = Promeneur.objects.all() if among is None else Promeneur.objects.filter(pk__in=among.values("pk"))
    return (
        promeneurs.active()
        .filter(user__isnull=False, user__is_active=True)
        .exclude(pk__in=submitted)
        .exclude(entry_date__gt=last_day(month))
        # Left before the month began (the exit date recorded, the account not yet closed): no grid
        # is owed for it (expected_month, the expected-grids count), so no reminder either.
        .exclude(exit_date__lt=month)
        .exclude(email="", user__email="")
        .select_related("user", "structure")
        .order_by("last_name", "first_name", "pk")
    )


def missing_grids_url(month, scope=None):
    """The admin's list of who has not sent ``month``'s grid, within the scope's territory or
    structure if it has one (the dashboard's filters carried over)."""
    query = {}
    if scope is not None and scope.territory:
        query["territory"] = scope.territory.pk
    if scope is not None and scope.structure:
        query["structure"] = scope.structure.pk
    query["mois"] = f"{month:%Y-%m}"
    return f"{reverse('activity:missing_grids')}?{urlencode(query)}"


def reminders_of(month):
    return GridReminder.objects.filter(month=month).select_related("sent_by")


def last_reminder(month):
    return reminders_of(month).first()


def grid_form_url():
    page = ActivityPage.objects.live().first()
    return page.get_url() if page else "/espace/mon-activite/"


def promeneurs_to_remind(month):
    """Whose grid for ``month`` is missing, but for those who turned the reminder off (Mes e-mails):
    still missing for the coordinator, they asked not to be reminded (workspace/mail.py)."""
    return missing_grid_promeneurs(month).filter(grid_reminders=True)


def send_grid_reminders(month, sent_by=None, again=False):
    """Remind every promeneur whose grid for ``month`` is missing, and record it: the
    GridReminder made (its ``recipients`` may be 0), or None when the month was already
    reminded and ``again`` is false."""
    check_reminder_month(month)
    with transaction.atomic():
        # Locking the recipients makes a double click wait for the first sending, then see it.
        promeneurs = list(promeneurs_to_remind(month).select_for_update(of=("self",)))
        if last_reminder(month) and not again:
            return None
        sent = mail.send(reminder_messages(promeneurs, month, grid_form_url())) if promeneurs else 0
        return GridReminder.objects.create(month=month, sent_by=sent_by, recipients=sent)


def reminded_label(reminder):
    """ "relancés le 5 novembre 2026 à 9h00 (12 promeneurs)"."""
    when = french_date(reminder.sent_at, "j F Y à H:i")
    count = reminder.recipients
    return f"{agreed(count, 'relancé')} le {when} ({count} {agreed(count, 'promeneur')})"
