"""The monthly totals on PostgreSQL: a reader that sums a month while a grid of it is being written
waits for the writer and counts its grid (it never stores the month without it)."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from network.activity.models import MonthlyTotals
from network.activity.models.grids import previous_month
from network.activity.totals import network_month_sums
from tests.factories import ActivityGridFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the row locks are tested on PostgreSQL")
def test_a_reader_summing_a_month_waits_for_the_grid_being_written():
    month = previous_month()
    ActivityGridFactory(month=month)
    assert network_month_sums(month, month)[month].grids == 1  # summed, up to date
    ActivityGridFactory(month=month)  # committed: the month is to be summed again
    written, read, errors = threading.Event(), {}, []

    def reader():
        try:
            written.wait(timeout=30)
            read["grids"] = network_month_sums(month, month)[month].grids
        except Exception as error:  # reported below: the test fails on any error
            errors.append(repr(error))
        finally:
            connections.close_all()

    thread = threading.Thread(target=reader)
    thread.start()
    with transaction.atomic():
        ActivityGridFactory(month=month)  # marks the month, and holds its row until the commit
        written.set()
        time.sleep(1)
        assert thread.is_alive()  # waiting for the row
    thread.join(timeout=60)
    assert errors == []
    assert read["grids"] == 3
    assert MonthlyTotals.objects.get(month=month).grids == 3
