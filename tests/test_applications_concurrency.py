"""Accepting an application twice at the same instant (a double click on « Accepter et envoyer
l'invitation », two tabs), on PostgreSQL: one account, one sheet, one invitation, no error page."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection, connections

from network.coordination.joining import CannotAccept, accept_application
from network.coordination.models import Application
from network.directory.models import Promeneur
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CLICKS = 4


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the concurrency guarantee is tested on PostgreSQL")
def test_two_simultaneous_acceptances_make_one_account_and_one_invitation():
    pk = ApplicationFactory().pk
    barrier = threading.Barrier(CLICKS)
    refusals, errors = [], []

    def accept():
        try:
            application = Application.objects.get(pk=pk)  # each click read the page before the others
            barrier.wait(timeout=30)
            accept_application(application)
        except CannotAccept as refusal:
            refusals.append(str(refusal))
        except Exception as error:  # reported below: the test fails on any other error
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept) for _ in range(CLICKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert refusals == ["Cette candidature est déjà acceptée."] * (CLICKS - 1)
    assert get_user_model().objects.filter(email="ines.roca@example.org").count() == 1
    assert Promeneur.objects.filter(email="ines.roca@example.org").count() == 1
    assert len(mail.outbox) == 1
