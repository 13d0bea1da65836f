"""A double click on "Relancer", on PostgreSQL: two sendings at the same instant remind once."""

import threading

import pytest
from django.core import mail
from django.db import connection, connections

from network.activity.models import GridReminder
from network.activity.models.grids import previous_month
from network.activity.reminders import send_grid_reminders
from tests.factories import PromeneurFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CLICKS = 4


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the row locks are tested on PostgreSQL")
def test_simultaneous_reminders_of_a_month_send_once():
    month = previous_month()
    PromeneurFactory.create_batch(3)
    coordinator = UserFactory(username="coord", role="coordination")
    barrier = threading.Barrier(CLICKS)
    results, errors = [], []

    def click():
        try:
            barrier.wait(timeout=30)
            results.append(send_grid_reminders(month, sent_by=coordinator))
        except Exception as error:  # reported below: the test fails on any error
            errors.append(repr(error))
        finally:
            connections.close_all()

    mail.outbox.clear()
    threads = [threading.Thread(target=click) for _ in range(CLICKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert len([result for result in results if result is not None]) == 1
    assert GridReminder.objects.count() == 1 and len(mail.outbox) == 3
