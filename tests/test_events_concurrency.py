"""Capacity under concurrency, on PostgreSQL: 30 members register at the same instant
for 10 places; the row lock on the event keeps exactly 10 confirmed."""

import threading

import pytest
from django.core import mail
from django.db import connection, connections

from network.events import registrations
from network.events.models import Registration
from tests.factories import EventFactory, UserFactory

# serialized_rollback restores the groups and pages made by migrations (another transactional
# test may have flushed them).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 30
PLACES = 10


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the concurrency guarantee is tested on PostgreSQL")
def test_thirty_simultaneous_registrations_on_ten_places_then_the_waiting_list_is_promoted_in_order():
    event = EventFactory(capacity=PLACES)
    members = [UserFactory(username=f"concurrent{i}", role="promeneur") for i in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    errors = []

    def register(user):
        try:
            barrier.wait(timeout=30)
            registrations.register(event, user)
        except Exception as error:  # reported below: the test fails on any error
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(user,)) for user in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    statuses = list(event.registrations.values_list("status", flat=True))
    assert len(statuses) == THREADS
    assert statuses.count(Registration.Status.CONFIRMED) == PLACES
    assert statuses.count(Registration.Status.WAITING) == THREADS - PLACES

    # Cancellations promote the waiting list first come, first served, with an e-mail.
    waiting = list(
        event.registrations.filter(status=Registration.Status.WAITING)
        .order_by("queued_at", "pk")
        .values_list("user__username", flat=True)
    )
    confirmed = list(event.registrations.filter(status=Registration.Status.CONFIRMED).select_related("user"))
    mail.outbox.clear()
    for registration in confirmed[:3]:
        registrations.cancel(event, registration.user)

    promoted = set(
        event.registrations.filter(status=Registration.Status.CONFIRMED, user__username__in=waiting).values_list(
            "user__username", flat=True
        )
    )
    assert promoted == set(waiting[:3])
    assert event.registrations.filter(status=Registration.Status.CONFIRMED).count() == PLACES
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"{name}@example.org" for name in waiting[:3])
    assert all("Une place s'est libérée" in m.subject for m in mail.outbox)
