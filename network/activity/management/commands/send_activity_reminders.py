"""Reminds the promeneurs whose grid for last month is missing or still a draft.

Scheduled once a month (see README, "Grilles d'activité"), e.g. on the 5th at 9:00.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from network.activity.models import ActivityGrid, ActivityPage
from network.activity.models.grids import current_month, of_month, previous_month
from network.activity.notifications import send_reminder
from network.activity.stats import last_day
from network.directory.models import Promeneur


class Command(BaseCommand):
    help = "Envoie un rappel aux promeneurs actifs dont la grille d'activité du mois dernier n'est pas transmise."

    def add_arguments(self, parser):
        parser.add_argument("--mois", help="Mois concerné (AAAA-MM) ; par défaut le mois dernier.")
        parser.add_argument("--essai", action="store_true", help="Affiche les destinataires sans envoyer d'e-mail.")

    def handle(self, *args, mois=None, essai=False, **options):
        month = self.parse_month(mois)
        page = ActivityPage.objects.live().first()
        form_url = page.get_url() if page else "/espace/mon-activite/"
        missing = missing_grid_promeneurs(month)
        for promeneur in missing:
            if essai:
                self.stdout.write(f"  {promeneur.full_name} <{promeneur.email or promeneur.user.email}>")
            else:
                send_reminder(promeneur, month, form_url)
        verb = "seraient rappelés" if essai else "rappelés"
        self.stdout.write(f"Grilles {of_month(month)} : {len(missing)} promeneur(s) {verb}.")

    def parse_month(self, value):
        if not value:
            return previous_month()
        try:
            month = datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError as error:
            raise CommandError("Indiquez le mois sous la forme AAAA-MM, par exemple 2025-03.") from error
        if month >= current_month():
            raise CommandError("Ce mois n'est pas terminé : un rappel ne concerne qu'un mois échu.")
        return month


def missing_grid_promeneurs(month):
    """Active promeneurs with an account and an address, in the network that month, without a submitted grid,
    who have not turned the reminder off."""
    submitted = ActivityGrid.objects.submitted().filter(month=month).values("promeneur")
    promeneurs = (
        Promeneur.objects.active()
        .filter(user__isnull=False, user__is_active=True, grid_reminders=True)
        .exclude(pk__in=submitted)
        .exclude(entry_date__gt=last_day(month))
        .select_related("user")
    )
    return [p for p in promeneurs if p.email or p.user.email]
