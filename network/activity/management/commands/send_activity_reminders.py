"""Reminds the promeneurs whose grid for last month is missing or still a draft.

Scheduled once a month (see README, "Tâches planifiées"), e.g. on the 5th at 9:00. The cockpit's
"Relancer" button does the same (network/activity/reminders.py) and both record the sending: a
month already reminded is not reminded again unless ``--encore`` is given.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from network.activity.models.grids import of_month
from network.activity.reminders import (
    check_reminder_month,
    last_reminder,
    promeneurs_to_remind,
    reminded_label,
    reminder_month,
    send_grid_reminders,
)
from workspace.display import agreed


class Command(BaseCommand):
    help = "Envoie un rappel aux promeneurs actifs dont la grille d'activité du mois dernier n'est pas transmise."

    def add_arguments(self, parser):
        parser.add_argument("--mois", help="Mois concerné (AAAA-MM) ; par défaut le mois dernier.")
        parser.add_argument("--essai", action="store_true", help="Affiche les destinataires sans envoyer d'e-mail.")
        parser.add_argument("--encore", action="store_true", help="Relance même si ce mois a déjà été relancé.")

    def handle(self, *args, mois=None, essai=False, encore=False, **options):
        month = self.parse_month(mois)
        if essai:
            missing = list(promeneurs_to_remind(month))
            for promeneur in missing:
                self.stdout.write(f"  {promeneur.full_name} <{promeneur.email or promeneur.user.email}>")
            count = len(missing)
            would_be = f"{agreed(count, 'promeneur')} {agreed(count, 'serait', 'seraient')} {agreed(count, 'rappelé')}"
            self.stdout.write(f"Grilles {of_month(month)} : {count} {would_be}.")
            return
        reminder = send_grid_reminders(month, again=encore)
        if reminder is None:
            self.stdout.write(
                f"Grilles {of_month(month)} : déjà {reminded_label(last_reminder(month))} ; rien n'est envoyé "
                "(--encore pour relancer quand même)."
            )
            return
        count = reminder.recipients
        reminded = f"{agreed(count, 'promeneur')} {agreed(count, 'rappelé')}"
        self.stdout.write(f"Grilles {of_month(month)} : {count} {reminded}.")

    def parse_month(self, value):
        if not value:
            return reminder_month()
        try:
            month = datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError as error:
            raise CommandError("Indiquez le mois sous la forme AAAA-MM, par exemple 2025-03.") from error
        try:
            check_reminder_month(month)
        except ValidationError as error:
            raise CommandError(error.messages[0]) from error
        return month
