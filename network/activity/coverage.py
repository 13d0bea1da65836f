"""Coverage of the territory: per intercommunality (EPCI) of the département, its active
promeneurs, their weekly hours online and the hours per 10,000 inhabitants; the
intercommunalities with no promeneur.

A promeneur belongs to the intercommunality of their structure's commune. The directory holds
their hours online as text ("mardi et jeudi 17h–19h"), so the weekly hours are those of each
promeneur's latest submitted grid of the last ``RECENT_MONTHS`` months. Two queries, whatever
the size of the network: the communes summed per intercommunality, the promeneurs summed per
intercommunality.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, OuterRef, Subquery, Sum

from network.activity.charts import horizontal_bars
from network.activity.models.grids import ActivityGrid, add_months, current_month, format_month
from network.directory.models import Commune, Promeneur

RECENT_MONTHS = 12
PER_INHABITANTS = 10_000
TENTH = Decimal("0.1")


@dataclass
class Intercommunality:
    code: str
    name: str
    communes: int
    population: int
    promeneurs: int = 0
    weekly_hours: Decimal = Decimal(0)
    # Active promeneurs with no submitted grid in the period: their hours are unknown (counted 0).
    without_grid: int = 0

    @property
    def hours_per_10k(self):
        if not self.population:
            return Decimal(0)
        return (self.weekly_hours * PER_INHABITANTS / self.population).quantize(TENTH, ROUND_HALF_UP)

    @property
    def promeneurs_per_10k(self):
        if not self.population:
            return Decimal(0)
        return (Decimal(self.promeneurs) * PER_INHABITANTS / self.population).quantize(TENTH, ROUND_HALF_UP)


@dataclass
class Coverage:
    since: object
    rows: list = field(default_factory=list)
    # Active promeneurs whose structure has no commune of the list (or who have no structure).
    unplaced: int = 0

    @property
    def uncovered(self):
        return [row for row in self.rows if not row.promeneurs]

    @property
    def total(self):
        population = sum(row.population for row in self.rows)
        total = Intercommunality(
            "",
            "Tout le département",
            sum(row.communes for row in self.rows),
            population,
            promeneurs=sum(row.promeneurs for row in self.rows),
            weekly_hours=sum((row.weekly_hours for row in self.rows), Decimal(0)),
            without_grid=sum(row.without_grid for row in self.rows),
        )
        return total

    @property
    def period_label(self):
        return f"depuis {format_month(self.since)}"


def latest_weekly_hours(since, until):
    """Per promeneur (OuterRef), the hours per week of their latest grid submitted for a month
    from ``since`` to ``until``."""
    grids = ActivityGrid.objects.submitted().filter(promeneur=OuterRef("pk"), month__gte=since, month__lte=until)
    return Subquery(grids.order_by("-month").values("hours_per_week")[:1])


def coverage(month=None):
    """The coverage on ``month`` (the current one by default): grids of the ``RECENT_MONTHS``
    months before it, the current month included."""
    month = month or current_month()
    since = add_months(month, 1 - RECENT_MONTHS)
    communes = (
        Commune.objects.values("epci_code", "epci_name")
        .annotate(communes=Count("pk"), population=Sum("population"))
        .order_by("epci_name")
    )
    rows = {
        row["epci_code"]: Intercommunality(
            row["epci_code"], row["epci_name"] or "Sans intercommunalité", row["communes"], row["population"] or 0
        )
        for row in communes
    }
    promeneurs = (
        Promeneur.objects.active()
        .annotate(latest_hours=latest_weekly_hours(since, month))
        .values(epci=F("structure__insee_commune__epci_code"))
        .annotate(promeneurs=Count("pk"), hours=Sum("latest_hours"), with_grid=Count("latest_hours"))
        .order_by()
    )
    result = Coverage(since=since, rows=list(rows.values()))
    for row in promeneurs:
        target = rows.get(row["epci"])
        if target is None:
            result.unplaced += row["promeneurs"]
            continue
        target.promeneurs = row["promeneurs"]
        target.weekly_hours = row["hours"] or Decimal(0)
        target.without_grid = row["promeneurs"] - row["with_grid"]
    return result


def coverage_chart(result):
    rows = [{"label": row.name, "value": row.hours_per_10k} for row in result.rows]
    rows.sort(key=lambda row: (-row["value"], row["label"]))
    return horizontal_bars(
        "graphique-couverture",
        "Heures en ligne par semaine pour 10 000 habitants, par intercommunalité",
        rows,
        "value",
        label_width=380,
    )
