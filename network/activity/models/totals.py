"""The network's monthly totals: the submitted grids of each month, summed once.

The dashboard of the whole network over five years read 150,000 grids and 300,000 rows by
network at national size; it reads sixty of these rows instead. They are kept by
``network/activity/totals.py``: a write to a grid marks its month ``stale``, the next reader sums
that month again from its grids.
"""

from django.db import models


class MonthlyTotals(models.Model):
    month = models.DateField("Mois", unique=True)
    grids = models.PositiveIntegerField("Grilles transmises", default=0)
    hours_per_week = models.DecimalField("Heures par semaine (somme)", max_digits=12, decimal_places=1, default=0)
    actions = models.PositiveIntegerField("Actions menées", default=0)
    young_people_reached = models.PositiveIntegerField("Jeunes touchés par les actions", default=0)
    # {network code: [messages, young people, new young people]}
    networks = models.JSONField("Par réseau", default=dict)
    # {theme pk (text): grids}
    themes = models.JSONField("Par thématique", default=dict)
    # A grid of the month was written since the sums were made: the next reader makes them again.
    stale = models.BooleanField("À recalculer", default=True)

    class Meta:
        verbose_name = "Totaux du mois"
        verbose_name_plural = "Totaux mensuels"

    def __str__(self):
        return f"{self.month:%Y-%m}"
