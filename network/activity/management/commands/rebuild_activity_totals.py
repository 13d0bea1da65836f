"""Sums every month's grids again into the network's monthly totals (network/activity/totals.py).

The site keeps them by itself; run this after writing grids behind its back (a bulk import, SQL by
hand). fill_scale_data and load_demo run it.
"""

from django.core.management.base import BaseCommand

from network.activity.totals import rebuild


class Command(BaseCommand):
    help = "Recalcule les totaux mensuels de l'activité du réseau à partir des grilles."

    def handle(self, *args, **options):
        months = rebuild()
        self.stdout.write(f"Totaux mensuels de l'activité recalculés : {months} mois.")
