"""Password reset e-mails are limited per address and per client address."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIMITED = "Trop de demandes de nouveau mot de passe"


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def ask(client, email, ip="192.0.2.10"):
    return client.post("/mot-de-passe/oublie/", {"email": email}, REMOTE_ADDR=ip)


@override_settings(PASSWORD_RESET_LIMIT_PER_EMAIL=3)
def test_one_address_gets_a_limited_number_of_reset_emails(client):
    UserFactory(username="lucie", email="lucie@example.org")
    for ip in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
        assert ask(client, "lucie@example.org", ip).status_code == 302
    response = ask(client, "Lucie@Example.org ", "192.0.2.4")
    assert response.status_code == 200
    body = response.content.decode()
    assert LIMITED in body
    assert 'value="Lucie@Example.org' in body
    assert len(mail.outbox) == 3


@override_settings(PASSWORD_RESET_LIMIT_PER_IP=3)
def test_one_client_gets_a_limited_number_of_reset_requests(client):
    for n in range(3):
        UserFactory(username=f"membre{n}", email=f"membre{n}@example.org")
        assert ask(client, f"membre{n}@example.org").status_code == 302
    UserFactory(username="membre3", email="membre3@example.org")
    response = ask(client, "membre3@example.org")
    assert LIMITED in response.content.decode()
    assert len(mail.outbox) == 3
    # Another client is not held back by the first one.
    assert ask(client, "membre3@example.org", ip="198.51.100.5").status_code == 302
    assert len(mail.outbox) == 4


@override_settings(PASSWORD_RESET_LIMIT_PER_EMAIL=1)
def test_unknown_addresses_are_limited_alike_so_the_limit_tells_nothing(client):
    UserFactory(username="lucie", email="lucie@example.org")
    for email in ("lucie@example.org", "inconnu@example.org"):
        assert ask(client, email).status_code == 302
        assert LIMITED in ask(client, email).content.decode()
