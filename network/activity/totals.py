"""Grids summed month by month: from the grids themselves, or from the monthly totals kept for the
whole network (models/totals.py).

``month_sums(grids)`` is the one rule that sums grids: the dashboard of a territory or a structure
(a few dozen promeneurs) applies it to its grids, and the monthly totals of the whole network are
its result, stored. A write to a grid, to its rows by network, its actions or its themes marks its
month stale (one query, in the writer's transaction, which holds the row until it commits); the next
reader sums the stale months again under a row lock, so that a month is never left out of date:

- a reader that comes while a writer has not committed reads the month as it was, which is what
  the database holds;
- a reader that sums a month while a writer marks it waits for the writer, then sees its grid;
- a writer that marks a month while a reader sums it waits for the reader, then marks it again.

Writes that pass by the signals (``bulk_create``, ``update()``) call ``mark_stale`` or
``rebuild`` themselves: fill_scale_data and the demo do. Rows by network and actions are deleted and
bulk-created with their grid (the grid form), whose save marks the month: their own deletion is not
watched.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import CharField, Count, DateField, F, IntegerField, Sum, Value
from django.db.models.functions import Cast

# The submodules, not the package: the package imports its pages, whose routes import the views
# and, through the dashboard's figures, this module.
from network.activity.models.grids import ActivityGrid, LedAction, NetworkActivity
from network.activity.models.totals import MonthlyTotals
from network.directory.models.people import Theme

COUNTS = ("messages", "young_people", "new_young_people")


@dataclass
class MonthSums:
    """The submitted grids of one month (of the whole network or of a scope), summed."""

    grids: int = 0
    hours_per_week: Decimal = Decimal(0)
    actions: int = 0
    young_people_reached: int = 0
    # {network code: [messages, young people, new young people]}
    networks: dict = field(default_factory=dict)
    # {theme pk: grids}
    themes: dict = field(default_factory=dict)


# The columns of the one query that sums grids: which sum a row is, its month, its key (a network, a
# theme), then up to three figures.
PARTS = ("part", "month_", "key", "first", "second", "third")
GRIDS, NETWORKS, THEMES, ACTIONS, THEME_NAMES = range(5)


def _part(queryset, part, month, key="", first=0, second=0, third=0):
    """One SELECT of the union: grouped by ``month`` (and ``key``), its figures in fixed columns."""
    if isinstance(key, str):
        key = Value(key, output_field=CharField())
    figures = {
        name: value if hasattr(value, "resolve_expression") else Value(value, output_field=IntegerField())
        for name, value in (("first", first), ("second", second), ("third", third))
    }
    return (
        queryset.order_by()
        .values(part=Value(part, output_field=IntegerField()), month_=month, key=key)
        .annotate(**figures)
        .values_list(*PARTS)
    )


def _sum_parts(grids):
    Through = ActivityGrid.themes.through
    return [
        _part(grids, GRIDS, F("month"), first=Sum("hours_per_week"), second=Count("pk")),
        _part(
            NetworkActivity.objects.filter(grid__in=grids),
            NETWORKS,
            F("grid__month"),
            key=F("network"),
            **dict(zip(("first", "second", "third"), (Sum(name) for name in COUNTS), strict=True)),
        ),
        _part(
            Through.objects.filter(activitygrid__in=grids),
            THEMES,
            F("activitygrid__month"),
            key=Cast("theme", CharField()),
            second=Count("pk"),
        ),
        _part(
            LedAction.objects.filter(grid__in=grids),
            ACTIONS,
            F("grid__month"),
            first=Sum("young_people_reached"),
            second=Count("pk"),
        ),
    ]


def _read(parts):
    """{month: MonthSums} and {theme pk: name} (by name) of the union of ``parts``: one query."""
    sums = defaultdict(MonthSums)
    names = []
    first, *others = parts
    for part, month, key, *figures in first.union(*others, all=True):
        first_figure, count, third = (figure or 0 for figure in figures)
        if part == GRIDS:
            sums[month].grids, sums[month].hours_per_week = int(count), Decimal(first_figure)
        elif part == NETWORKS:
            sums[month].networks[key] = [int(first_figure), int(count), int(third)]
        elif part == THEMES:
            sums[month].themes[int(key)] = int(count)
        elif part == ACTIONS:
            sums[month].actions, sums[month].young_people_reached = int(count), int(first_figure)
        else:
            names.append((key, int(count)))
    return dict(sums), {pk: name for name, pk in sorted(names)}


def month_sums(grids):
    """{month: MonthSums} of ``grids`` (submitted ones): one query whatever their number (the grids,
    their rows by network, their themes and their actions, each grouped by month, in one UNION ALL)."""
    return _read(_sum_parts(grids))[0]


def month_sums_and_themes(grids):
    """``month_sums(grids)`` and every theme's name, {pk: name} in the order of names, in the same query."""
    names = _part(
        Theme.objects.all(), THEME_NAMES, Value(None, output_field=DateField()), key=F("name"), second=F("pk")
    )
    return _read([*_sum_parts(grids), names])


def _stored(row):
    return MonthSums(
        grids=row.grids,
        hours_per_week=row.hours_per_week,
        actions=row.actions,
        young_people_reached=row.young_people_reached,
        networks=row.networks,
        themes={int(pk): count for pk, count in row.themes.items()},
    )


def _store(row, sums):
    row.grids, row.hours_per_week = sums.grids, sums.hours_per_week
    row.actions, row.young_people_reached = sums.actions, sums.young_people_reached
    row.networks = sums.networks
    row.themes = {str(pk): count for pk, count in sums.themes.items()}
    row.stale = False


FIELDS = ["grids", "hours_per_week", "actions", "young_people_reached", "networks", "themes", "stale"]


def refresh(months):
    """Sum the stale months among ``months`` again from their grids; {month: MonthSums} of those summed."""
    with transaction.atomic():
        rows = list(MonthlyTotals.objects.select_for_update().filter(month__in=months, stale=True).order_by("month"))
        if not rows:
            return {}
        sums = month_sums(ActivityGrid.objects.submitted().filter(month__in=[row.month for row in rows]))
        for row in rows:
            _store(row, sums.get(row.month, MonthSums()))
        MonthlyTotals.objects.bulk_update(rows, FIELDS)
    return {row.month: _stored(row) for row in rows}


def network_month_sums(start, end):
    """{month: MonthSums} of the whole network from ``start`` to ``end``, from the monthly totals:
    one query, plus the summing of the months written since the last reader."""
    rows = list(MonthlyTotals.objects.filter(month__gte=start, month__lte=end))
    sums = {row.month: _stored(row) for row in rows if not row.stale}
    stale = [row.month for row in rows if row.stale]
    if stale:
        sums.update(refresh(stale))
        # Summed meanwhile by another reader: read as it left them.
        missing = [month for month in stale if month not in sums]
        sums.update((row.month, _stored(row)) for row in MonthlyTotals.objects.filter(month__in=missing))
    return sums


def mark_stale(months):
    """The monthly totals of ``months`` are to be summed again (a month without a row gets one)."""
    months = sorted(set(months))
    if months:
        MonthlyTotals.objects.bulk_create(
            [MonthlyTotals(month=month, stale=True) for month in months],
            update_conflicts=True,
            unique_fields=["month"],
            update_fields=["stale"],
        )


def rebuild():
    """Every month's totals summed again from the grids (after a bulk load: manage.py
    rebuild_activity_totals, fill_scale_data, the demo). Returns the number of months."""
    months = {*ActivityGrid.objects.values_list("month", flat=True).distinct().order_by()}
    months.update(MonthlyTotals.objects.values_list("month", flat=True))
    mark_stale(months)
    return len(refresh(months))


# --- Signals (connected in apps.py) -------------------------------------------------------------


def remember_month(sender, instance, **kwargs):
    """The month a grid was read with (post_init): a grid moved to another month leaves that one."""
    instance._month_in_db = instance.__dict__.get("month")


def grid_written(sender, instance, **kwargs):
    mark_stale(month for month in (instance.month, getattr(instance, "_month_in_db", None)) if month)
    instance._month_in_db = instance.month


def grid_row_written(sender, instance, **kwargs):
    """A row by network or an action written on its own (the grid form writes them with the grid)."""
    mark_stale([instance.grid.month])


def grid_themes_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        mark_stale([instance.month])
    elif pk_set is None:  # a theme's grids cleared
        mark_stale(MonthlyTotals.objects.values_list("month", flat=True))
    else:
        mark_stale(ActivityGrid.objects.filter(pk__in=pk_set).values_list("month", flat=True))
