"""A network to measure the cockpit on: promeneurs with months of grids, and something for
every block (support requests, missing grids, reports, changed profiles, events). Bulk inserts,
so that 300 promeneurs x 3 years load in seconds; used by tests/test_cockpit_queries.py and
scripts/bench_cockpit.py."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from network.activity.models import ActivityGrid
from network.activity.models.grids import add_months, previous_month
from network.directory.models import Promeneur, Structure, Territory
from network.events.models import Event, Registration
from resources.exchanges.models.discussions import Discussion, Message, Report


def load_network(promeneurs, years, prefix):
    """``promeneurs`` with a grid every month for ``years`` years, except last month for one in
    ten; one in five asks for support; one in four changed their profile; a report per ten
    promeneurs; three events a week around today. Returns the number of grids."""
    territory = Territory.objects.create(name=f"{prefix} territoire")
    structures = Structure.objects.bulk_create(
        Structure(name=f"{prefix} structure {i}", slug=f"{prefix}-structure-{i}", territory=territory)
        for i in range(max(promeneurs // 15, 1))
    )
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"{prefix}-{i}", email=f"{prefix}-{i}@example.org") for i in range(promeneurs)
    )
    now = timezone.now()
    people = Promeneur.objects.bulk_create(
        Promeneur(
            user=users[i],
            first_name="Promeneur",
            last_name=f"{prefix} {i:04}",
            slug=f"{prefix}-{i}",
            email=f"{prefix}-{i}@example.org",
            structure=structures[i % len(structures)],
            entry_date=datetime.date(2015, 1, 1),
            profile_changed_at=now - datetime.timedelta(days=i % 30) if i % 4 == 0 else None,
        )
        for i in range(promeneurs)
    )
    last = previous_month()
    months = [add_months(last, -offset) for offset in range(12 * years)]
    grids = ActivityGrid.objects.bulk_create(
        ActivityGrid(
            promeneur=person,
            month=month,
            status="transmise",
            hours_per_week=4,
            support_needed="Besoin d'en parler" if (index + month.month) % 5 == 0 else "",
        )
        for index, person in enumerate(people)
        for month in months
        if not (month == last and index % 10 == 0)
    )
    load_reports(users[: max(promeneurs // 10, 2)], prefix)
    load_events(users, now, prefix)
    return len(grids)


def load_reports(users, prefix):
    author = users[0]
    discussion = Discussion.objects.create(
        title=f"{prefix} discussion", kind="question", category="posture", author=author, last_author=author
    )
    messages = Message.objects.bulk_create(
        Message(discussion=discussion, author=author, body=f"Message {i} à modérer") for i in range(len(users))
    )
    Report.objects.bulk_create(
        Report(message=message, reporter=reporter, reason="À vérifier")
        for message, reporter in zip(messages, users, strict=True)
    )


def load_events(users, now, prefix):
    """Three events a week from eight weeks ago to eight weeks ahead, a dozen registrations each."""
    events = Event.objects.bulk_create(
        Event(
            title=f"{prefix} événement {week} {day}",
            kind="rencontre",
            audience="membres",
            start=now + datetime.timedelta(weeks=week, days=day),
            end=now + datetime.timedelta(weeks=week, days=day, hours=2),
            capacity=10,
        )
        for week in range(-8, 8)
        for day in (1, 3, 5)
    )
    Registration.objects.bulk_create(
        Registration(event=event, user=user, status="confirmee" if index < 10 else "attente")
        for event in events
        for index, user in enumerate(users[:12])
    )
