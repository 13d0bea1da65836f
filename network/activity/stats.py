"""Evaluation figures of the network, computed by the database.

Every figure is an aggregation over the submitted grids of a scope (period +
territory or structure): a fixed number of queries whatever the number of grids.
Only the expected-grids count reads one row per promeneur of the scope (entry and
exit dates), never the grids.
"""

import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone

from network.activity.charts import dashboard_charts
from network.activity.models import ActivityGrid, CoordinationJournalEntry, LedAction, NetworkActivity
from network.activity.models.grids import (
    FIRST_MONTH,
    current_month,
    first_of_month,
    format_month,
    months_between,
    of_month,
    previous_month,
)
from network.directory.models import Promeneur, SocialProfile, Theme
from network.events.models import Event, Registration

WEEKS_PER_MONTH = Decimal(52) / Decimal(12)
COUNTS = ("messages", "young_people", "new_young_people")


def last_day(month):
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


@dataclass
class Scope:
    """What the figures cover: months from ``start`` to ``end`` (included), all or part of the network."""

    start: datetime.date
    end: datetime.date
    territory: object = None
    structure: object = None
    promeneur: object = None

    def __post_init__(self):
        self.start, self.end = first_of_month(self.start), first_of_month(self.end)

    def _with_where(self, period):
        return f"{period} — {self.structure or self.territory or 'tout le département'}"

    @property
    def label(self):
        """Reads "mars 2026 — tout le département", "d'avril 2026 à juin 2026 — MJC de Prades"."""
        if self.start == self.end:
            return self._with_where(format_month(self.start))
        return self._with_where(f"{of_month(self.start)} à {format_month(self.end)}")

    @property
    def of_label(self):
        """The label after "Chiffres": "de mars 2026 — …", "d'avril 2026 à juin 2026 — …"."""
        return self._with_where(of_month(self.start)) if self.start == self.end else self.label

    def promeneurs(self):
        """The promeneurs of the structure, or working in the territory (their structure's or their own)."""
        promeneurs = Promeneur.objects.all()
        if self.promeneur:
            promeneurs = promeneurs.filter(pk=self.promeneur.pk)
        if self.structure:
            promeneurs = promeneurs.filter(structure=self.structure)
        if self.territory:
            inside = Promeneur.objects.filter(Q(structure__territory=self.territory) | Q(territories=self.territory))
            promeneurs = promeneurs.filter(pk__in=inside.values("pk"))
        return promeneurs

    @property
    def is_filtered(self):
        return bool(self.structure or self.territory or self.promeneur)

    def grids(self):
        grids = ActivityGrid.objects.submitted().filter(month__gte=self.start, month__lte=self.end)
        if self.is_filtered:
            grids = grids.filter(promeneur__in=self.promeneurs().values("pk"))
        return grids

    def journal(self):
        entries = CoordinationJournalEntry.objects.filter(date__gte=self.start, date__lte=last_day(self.end))
        if self.structure:
            concerned = Q(structures=self.structure) | Q(promeneurs__in=self.promeneurs().values("pk"))
        elif self.territory:
            concerned = Q(structures__territory=self.territory) | Q(promeneurs__in=self.promeneurs().values("pk"))
        else:
            return entries
        return entries.filter(pk__in=CoordinationJournalEntry.objects.filter(concerned).values("pk"))


def years():
    """The years the figures can cover, the current one first."""
    return range(current_month().year, FIRST_MONTH.year - 1, -1)


def year_scope(year, **filters):
    """The months of ``year`` (a number, or the text of a ?annee= parameter) up to the current
    month, or None when it is not one of years()."""
    try:
        year = int(year)
    except (TypeError, ValueError):
        return None
    if year not in years():
        return None
    return Scope(datetime.date(year, 1, 1), min(datetime.date(year, 12, 1), current_month()), **filters)


def expected_grids(scope, today=None):
    """Grids due in the scope: one per promeneur and completed month between their entry and exit."""
    last_due = min(scope.end, previous_month(first_of_month(today) if today else None))
    if last_due < scope.start:
        return 0
    first, last = month_number(scope.start), month_number(last_due)
    rows = (
        scope.promeneurs().filter(Q(is_active=True) | Q(exit_date__isnull=False)).values_list("entry_date", "exit_date")
    )
    expected = 0
    for entry, exit_ in rows:
        # Due: the months from the one they entered in to the one they left in (counted, not
        # enumerated: 3,000 promeneurs over 5 years made 180,000 comparisons per dashboard).
        begin = max(first, month_number(entry)) if entry else first
        end = min(last, month_number(exit_)) if exit_ else last
        expected += max(0, end - begin + 1)
    return expected


def month_number(day):
    return day.year * 12 + day.month - 1


def network_sums(grids):
    """The counts of the grids' network rows by month and network: one pass over the largest table
    serves both the per-network and the per-month figures."""
    return list(
        NetworkActivity.objects.filter(grid__in=grids)
        .values("grid__month", "network")
        .annotate(**{name: Sum(name) for name in COUNTS})
        .order_by()
    )


def summed_by(sums, key):
    totals = {}
    for row in sums:
        total = totals.setdefault(row[key], dict.fromkeys(COUNTS, 0))
        for name in COUNTS:
            total[name] += row[name] or 0
    return totals


def network_rows(sums):
    labels = dict(SocialProfile.Network.choices)
    rows = [
        {"network": network, **counts, "label": labels.get(network, network)}
        for network, counts in summed_by(sums, "network").items()
    ]
    return sorted(rows, key=lambda row: (-row["young_people"], row["label"]))


def theme_rows(grids):
    through = ActivityGrid.themes.through
    counts = dict(
        through.objects.filter(activitygrid__in=grids).values_list("theme").annotate(n=Count("pk")).order_by()
    )
    rows = [{"label": theme.name, "grids": counts.get(theme.pk, 0)} for theme in Theme.objects.order_by("name")]
    return sorted(rows, key=lambda row: (-row["grids"], row["label"]))


def month_rows(scope, grids, sums):
    per_grid = {
        row["month"]: row
        for row in grids.values("month").annotate(grids=Count("pk"), hours=Sum("hours_per_week")).order_by()
    }
    per_network = summed_by(sums, "grid__month")
    rows = []
    for month in months_between(scope.start, scope.end):
        grid_row, network_row = per_grid.get(month, {}), per_network.get(month, {})
        rows.append(
            {
                "month": month,
                "label": format_month(month),
                "short_label": f"{month:%m/%y}",
                "grids": grid_row.get("grids", 0),
                "hours": round((grid_row.get("hours") or 0) * WEEKS_PER_MONTH),
                **{name: network_row.get(name) or 0 for name in COUNTS},
            }
        )
    return rows


def journal_rows(scope):
    labels = dict(CoordinationJournalEntry.Kind.choices)
    rows = scope.journal().values("kind").annotate(count=Count("pk"), minutes=Sum("duration_minutes")).order_by()
    rows = [
        {**row, "label": labels.get(row["kind"], row["kind"]), "hours": round(row["minutes"] / 60, 1)} for row in rows
    ]
    return sorted(rows, key=lambda row: (-row["count"], row["label"]))


def figures(scope, today=None):
    """Everything the dashboard, the committees' page and the yearly report show."""
    grids = scope.grids()
    totals = grids.aggregate(
        grids=Count("pk"),
        active_promeneurs=Count("promeneur", distinct=True),
        weekly_hours=Sum("hours_per_week"),
    )
    sums = network_sums(grids)
    networks = network_rows(sums)
    actions = LedAction.objects.filter(grid__in=grids).aggregate(count=Count("pk"), reached=Sum("young_people_reached"))
    weekly_hours = totals["weekly_hours"] or Decimal(0)
    journal = journal_rows(scope)
    return {
        "scope": scope,
        "grids_received": totals["grids"],
        "grids_expected": expected_grids(scope, today),
        "active_promeneurs": totals["active_promeneurs"],
        "promeneurs_in_post": scope.promeneurs().filter(is_active=True).count(),
        "hours_online": round(weekly_hours * WEEKS_PER_MONTH),
        "average_weekly_hours": round(weekly_hours / totals["grids"], 1) if totals["grids"] else 0,
        **{name: sum(row[name] for row in networks) for name in COUNTS},
        "actions_led": actions["count"],
        "young_people_reached": actions["reached"] or 0,
        "by_network": networks,
        "by_theme": theme_rows(grids),
        "by_month": month_rows(scope, grids, sums),
        "journal_by_kind": journal,
        "journal_count": sum(row["count"] for row in journal),
        "journal_hours": round(sum(row["minutes"] for row in journal) / 60, 1),
    }


# --- Events held and attendance --------------------------------------------------------------

ATTENDANCE_COUNTS = ("confirmed", "present", "absent", "unmarked")


def _midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def held_events(scope, now=None):
    """Events not cancelled that ended within the scope's months (and before ``now``).

    For a territory or a structure: the events where one of its promeneurs had a
    confirmed registration."""
    now = now or timezone.now()
    period_end = min(_midnight(last_day(scope.end) + datetime.timedelta(days=1)), now)
    events = Event.objects.filter(is_cancelled=False, end__gte=_midnight(scope.start), end__lt=period_end)
    if scope.is_filtered:
        events = events.filter(pk__in=scope_registrations(scope, events).values("event"))
    return events


def scope_registrations(scope, events):
    """Confirmed registrations to ``events``: everyone's, or only the scope's promeneurs'."""
    registrations = Registration.objects.filter(event__in=events, status=Registration.Status.CONFIRMED)
    if scope.is_filtered:
        registrations = registrations.filter(user__promeneur__in=scope.promeneurs().values("pk"))
    return registrations


def attendance_rate(row):
    """Present among the registrations whose attendance was marked, in percent (None if none was marked)."""
    marked = row["present"] + row["absent"]
    return round(100 * row["present"] / marked) if marked else None


def _attendance_row(label, events, counts):
    row = {"label": label, "events": events, **{name: counts.get(name) or 0 for name in ATTENDANCE_COUNTS}}
    row["rate"] = attendance_rate(row)
    return row


def event_figures(scope, now=None):
    """Events held by kind, confirmed registrations and attendance, trainings apart: three queries."""
    events = held_events(scope, now)
    registrations = scope_registrations(scope, events)
    labels = dict(Event.Kind.choices)
    events_by_kind = dict(events.values_list("kind").annotate(n=Count("pk")).order_by())
    counts_by_kind = {
        row["event__kind"]: row
        for row in registrations.values("event__kind")
        .annotate(
            confirmed=Count("pk"),
            present=Count("pk", filter=Q(attended=True)),
            absent=Count("pk", filter=Q(attended=False)),
            unmarked=Count("pk", filter=Q(attended__isnull=True)),
        )
        .order_by()
    }
    people = registrations.filter(attended=True, user__promeneur__isnull=False).aggregate(
        promeneurs_present=Count("user__promeneur", distinct=True),
        promeneurs_trained=Count("user__promeneur", distinct=True, filter=Q(event__kind=Event.Kind.TRAINING)),
    )
    rows = [
        _attendance_row(labels.get(kind, kind), count, counts_by_kind.get(kind, {}))
        for kind, count in events_by_kind.items()
    ]
    rows.sort(key=lambda row: (-row["events"], row["label"]))
    total = {name: sum(row[name] for row in rows) for name in ("events", *ATTENDANCE_COUNTS)}
    trainings = counts_by_kind.get(Event.Kind.TRAINING, {})
    return {
        "by_kind": rows,
        "total": _attendance_row("Tous les événements", total.pop("events"), total),
        "trainings": _attendance_row("Formations", events_by_kind.get(Event.Kind.TRAINING, 0), trainings),
        **people,
    }


def figures_and_charts(scope):
    """What the dashboard, the yearly report and the committees' page show for ``scope``:
    the figures (grids and events) and their charts."""
    data = figures(scope)
    data["events"] = event_figures(scope)
    return {"figures": data, "charts": dashboard_charts(data)}
