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

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, F, Func, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from network.activity.charts import dashboard_charts
from network.activity.models.grids import (
    ActivityGrid,
    CoordinationJournalEntry,
    current_month,
    first_of_month,
    format_month,
    is_finished,
    months_between,
    of_month,
    previous_month,
)
from network.activity.totals import COUNTS, MonthSums, month_sums_and_themes, network_month_sums
from network.directory.models import Promeneur, SocialProfile, Theme
from network.events.models import Event, Registration

WEEKS_PER_MONTH = Decimal(52) / Decimal(12)


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
        return promeneurs_of(self.structure, self.territory, self.promeneur)

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
        return journal_concerning(entries, self.structure, self.territory)


def promeneurs_of(structure=None, territory=None, promeneur=None):
    """The promeneurs of the structure, or working in the territory (their structure's or their own)."""
    promeneurs = Promeneur.objects.all()
    if promeneur:
        promeneurs = promeneurs.filter(pk=promeneur.pk)
    if structure:
        promeneurs = promeneurs.filter(structure=structure)
    if territory:
        inside = Promeneur.objects.filter(Q(structure__territory=territory) | Q(territories=territory))
        promeneurs = promeneurs.filter(pk__in=inside.values("pk"))
    return promeneurs


def journal_concerning(entries, structure=None, territory=None):
    """The journal ``entries`` about the structure, else the territory: those naming it (or one of
    the territory's structures) or one of its promeneurs (promeneurs_of). The dashboard counts these,
    and the journal's listing filters and exports them the same way (viewsets.JournalFilterSet)."""
    promeneurs = promeneurs_of(structure, territory).values("pk")
    if structure:
        concerned = Q(structures=structure) | Q(promeneurs__in=promeneurs)
    elif territory:
        concerned = Q(structures__territory=territory) | Q(promeneurs__in=promeneurs)
    else:
        return entries
    return entries.filter(pk__in=CoordinationJournalEntry.objects.filter(concerned).values("pk"))


FIRST_DAY_KEY = "activity:first-day-with-figures"
# Forgotten on every write of a grid, a journal entry or an event (apps.py); writes that bypass the
# signals (bulk_create, update()) show their older year after this delay at most.
FIRST_DAY_SECONDS = 10 * 60


def first_day_with_figures():
    """The day of the oldest figure: the first month with a submitted grid, the first entry of the
    journal or the end of the first event not cancelled (the figures count all three), None when
    there is none. From the shared cache, else one query: the first row of each, in a UNION ALL."""
    day = cache.get(FIRST_DAY_KEY, "")
    if day == "":
        firsts = [
            ActivityGrid.objects.submitted().order_by("month").values_list("month")[:1],
            CoordinationJournalEntry.objects.order_by("date").values_list("date")[:1],
            Event.objects.filter(is_cancelled=False)
            .order_by("end")
            .annotate(day=TruncDate("end"))
            .values_list("day")[:1],
        ]
        if connection.features.supports_slicing_ordering_in_compound:
            rows = firsts[0].union(*firsts[1:], all=True)
        else:
            # SQLite (the quick start) refuses a LIMIT inside a UNION: three queries, once per cache period.
            rows = [row for first in firsts for row in first]
        day = min((day for (day,) in rows), default=None)
        cache.set(FIRST_DAY_KEY, day, FIRST_DAY_SECONDS)
    return day


def forget_first_day(**kwargs):
    cache.delete(FIRST_DAY_KEY)
    # And again once the write is committed: a request in between may have read the old rows.
    transaction.on_commit(lambda: cache.delete(FIRST_DAY_KEY))


def years():
    """The years the figures can cover, the current one first, back to the first one with figures
    (not to FIRST_MONTH: a select of empty years leads nowhere)."""
    this_year = current_month().year
    first = first_day_with_figures()
    return range(this_year, min(first.year, this_year) - 1 if first else this_year - 1, -1)


def year_scope(year, offered=None, **filters):
    """The months of ``year`` (a number, or the text of a ?annee= parameter) up to the current
    month, or None when it is not one of the ``offered`` years (years(), read when not given)."""
    try:
        year = int(year)
    except (TypeError, ValueError):
        return None
    if year not in (years() if offered is None else offered):
        return None
    return Scope(datetime.date(year, 1, 1), min(datetime.date(year, 12, 1), current_month()), **filters)


def months_in_post(entry, exit_, first, last):
    """How many of the months ``first`` to ``last`` (month_number) a promeneur with these entry and
    exit dates was in post: from the month they entered in to the one they left in (counted, not
    enumerated: 3,000 promeneurs over 5 years made 180,000 comparisons)."""
    begin = max(first, month_number(entry)) if entry else first
    end = min(last, month_number(exit_)) if exit_ else last
    return max(0, end - begin + 1)


def promeneur_figures(scope, today=None):
    """Grids due, promeneurs in post and promeneurs who sent a grid in the scope: one query, one
    row per promeneur of the scope (entry and exit dates, never their grids)."""
    last_due = min(scope.end, previous_month(first_of_month(today) if today else None))
    first, last, last_of_scope = month_number(scope.start), month_number(last_due), month_number(scope.end)
    sent = ActivityGrid.objects.submitted().filter(
        promeneur=OuterRef("pk"), month__gte=scope.start, month__lte=scope.end
    )
    # The first grid sent, if any: a lookup in the (promeneur, month) index per promeneur. With
    # EXISTS, PostgreSQL hashes every grid of the period instead (150,000 over five years: 5x slower).
    first_sent = Subquery(sent.order_by().values("pk")[:1])
    rows = scope.promeneurs().values_list("entry_date", "exit_date", "is_active", first_sent).order_by()
    expected = in_post = active = 0
    for entry, exit_, is_active, sent_one in rows:
        active += sent_one is not None
        if is_active or exit_:
            # Due: one grid per completed month in post.
            expected += months_in_post(entry, exit_, first, last)
            # In post during the scope, not today: a past year's report counts the promeneur who
            # left during it, and not the one who came after it.
            in_post += months_in_post(entry, exit_, first, last_of_scope) > 0
    return {"grids_expected": expected, "promeneurs_in_post": in_post, "active_promeneurs": active}


def month_number(day):
    return day.year * 12 + day.month - 1


def network_rows(months):
    labels = dict(SocialProfile.Network.choices)
    totals = {}
    for sums in months.values():
        for network, counts in sums.networks.items():
            total = totals.setdefault(network, [0] * len(COUNTS))
            for index, count in enumerate(counts):
                total[index] += count
    rows = [
        {"network": network, **dict(zip(COUNTS, counts, strict=True)), "label": labels.get(network, network)}
        for network, counts in totals.items()
    ]
    return sorted(rows, key=lambda row: (-row["young_people"], row["label"]))


def theme_rows(months, names=None):
    """Every theme and its grids; ``names`` ({pk: name}, by name) when read already."""
    counts = {}
    for sums in months.values():
        for theme, count in sums.themes.items():
            counts[theme] = counts.get(theme, 0) + count
    if names is None:
        names = dict(Theme.objects.order_by("name").values_list("pk", "name"))
    rows = [{"label": name, "grids": counts.get(pk, 0)} for pk, name in names.items()]
    return sorted(rows, key=lambda row: (-row["grids"], row["label"]))


def month_rows(scope, months, today=None):
    """One row per month of the scope; the current month's is ``in_progress``: what has come so far,
    for the tables, never a bar of the charts (charts.dashboard_charts)."""
    rows = []
    for month in months_between(scope.start, scope.end):
        sums = months.get(month, MonthSums())
        networks = list(sums.networks.values())
        rows.append(
            {
                "month": month,
                "label": format_month(month),
                "short_label": f"{month:%m/%y}",
                "in_progress": not is_finished(month, today),
                "grids": sums.grids,
                "hours": round(sums.hours_per_week * WEEKS_PER_MONTH),
                **{name: sum(counts[index] for counts in networks) for index, name in enumerate(COUNTS)},
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


def figures(scope, today=None, from_grids=False):
    """Everything the dashboard, the committees' page and the yearly report show.

    The whole network's grids are read from its monthly totals (totals.py); a territory's, a
    structure's or a promeneur's are summed from their grids, by the same rule. ``from_grids`` sums
    the grids in every case (the totals' test compares both)."""
    theme_names = None
    if scope.is_filtered or from_grids:
        # The themes' names come with the sums, in the same query.
        months, theme_names = month_sums_and_themes(scope.grids())
    else:
        months = network_month_sums(scope.start, scope.end)
    grids = sum(sums.grids for sums in months.values())
    weekly_hours = sum((sums.hours_per_week for sums in months.values()), Decimal(0))
    networks = network_rows(months)
    by_month = month_rows(scope, months, today)
    journal = journal_rows(scope)
    return {
        "scope": scope,
        "grids_received": grids,
        # Sent early, before their month is over: received, but not yet expected (grids_expected).
        "grids_in_progress": sum(row["grids"] for row in by_month if row["in_progress"]),
        **promeneur_figures(scope, today),
        "hours_online": round(weekly_hours * WEEKS_PER_MONTH),
        "average_weekly_hours": round(weekly_hours / grids, 1) if grids else 0,
        **{name: sum(row[name] for row in networks) for name in COUNTS},
        "actions_led": sum(sums.actions for sums in months.values()),
        "young_people_reached": sum(sums.young_people_reached for sums in months.values()),
        "by_network": networks,
        "by_theme": theme_rows(months, theme_names),
        "by_month": by_month,
        "journal_by_kind": journal,
        "journal_count": sum(row["count"] for row in journal),
        "journal_hours": round(sum(row["minutes"] for row in journal) / 60, 1),
    }


# --- Events held and attendance --------------------------------------------------------------

ATTENDANCE_COUNTS = ("confirmed", "present", "absent", "unmarked")


def _midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def held_events(scope, now=None):
    """Events not cancelled that ended within the scope's months (and before ``now``)."""
    now = now or timezone.now()
    period_end = min(_midnight(last_day(scope.end) + datetime.timedelta(days=1)), now)
    return Event.objects.filter(is_cancelled=False, end__gte=_midnight(scope.start), end__lt=period_end)


def counted_registrations(scope):
    """The registrations counted (a condition on an event's ``registrations``): confirmed ones,
    everyone's or only the scope's promeneurs'. For a territory or a structure, an event counts
    when one of its promeneurs had a confirmed registration."""
    counted = Q(registrations__status=Registration.Status.CONFIRMED)
    if scope.is_filtered:
        counted &= Q(registrations__user_id__in=scope.promeneurs().accounts())
    return counted


def attendance_rate(row):
    """Present among the registrations whose attendance was marked, in percent (None if none was marked)."""
    marked = row["present"] + row["absent"]
    return round(100 * row["present"] / marked) if marked else None


def _attendance_row(label, events, counts):
    row = {"label": label, "events": events, **{name: counts.get(name) or 0 for name in ATTENDANCE_COUNTS}}
    row["rate"] = attendance_rate(row)
    return row


def count_distinct(queryset, field):
    """A subquery counting the distinct values of ``field`` in ``queryset`` (a column of its own in
    another query: PostgreSQL computes it once)."""
    count = Func(F(field), function="COUNT", template="COUNT(DISTINCT %(expressions)s)", output_field=IntegerField())
    return Subquery(queryset.order_by().values(count=count))


def event_figures(scope, now=None):
    """Events held by kind, confirmed registrations and attendance, trainings apart: one query, by
    kind, the promeneurs present and trained (across kinds) counted by two subqueries of it."""
    events = held_events(scope, now)
    counted = counted_registrations(scope)
    attended = Q(registrations__attended=True)
    # The promeneurs' accounts, those of the leavers included (anonymised, their account detached):
    # one account per promeneur, so distinct accounts count distinct promeneurs.
    present = Registration.objects.filter(
        event__in=events,
        status=Registration.Status.CONFIRMED,
        attended=True,
        user_id__in=scope.promeneurs().accounts(),
    )
    rows = (
        events.values("kind")
        .annotate(
            events=Count("pk", distinct=True, filter=counted if scope.is_filtered else None),
            confirmed=Count("registrations", filter=counted),
            present=Count("registrations", filter=counted & attended),
            absent=Count("registrations", filter=counted & Q(registrations__attended=False)),
            unmarked=Count("registrations", filter=counted & Q(registrations__attended__isnull=True)),
            promeneurs_present=count_distinct(present, "user"),
            promeneurs_trained=count_distinct(present.filter(event__kind=Event.Kind.TRAINING), "user"),
        )
        .order_by()
    )
    by_kind = {row["kind"]: row for row in rows if row["events"]}
    labels = dict(Event.Kind.choices)
    kinds = [_attendance_row(labels.get(kind, kind), row["events"], row) for kind, row in by_kind.items()]
    kinds.sort(key=lambda row: (-row["events"], row["label"]))
    total = {name: sum(row[name] for row in kinds) for name in ("events", *ATTENDANCE_COUNTS)}
    trainings = by_kind.get(Event.Kind.TRAINING, {})
    people = next(iter(by_kind.values()), {})
    return {
        "by_kind": kinds,
        "total": _attendance_row("Tous les événements", total.pop("events"), total),
        "trainings": _attendance_row("Formations", trainings.get("events", 0), trainings),
        "promeneurs_present": people.get("promeneurs_present") or 0,
        "promeneurs_trained": people.get("promeneurs_trained") or 0,
    }


def figures_and_charts(scope):
    """What the dashboard, the yearly report and the committees' page show for ``scope``:
    the figures (grids and events) and their charts."""
    data = figures(scope)
    data["events"] = event_figures(scope)
    return {"figures": data, "charts": dashboard_charts(data)}
