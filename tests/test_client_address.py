"""Login lock-out behind the reverse proxy: keyed on the real client, never on the proxy."""

import pytest
from django.test import override_settings

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


def login(client, password, forwarded_for=None):
    headers = {"REMOTE_ADDR": PROXY}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post("/connexion/", {"username": "lucie", "password": password}, **headers)


@override_settings(AXES_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_an_attacker_does_not_lock_the_user_out(client):
    UserFactory(username="lucie", role="promeneur")
    for _ in range(3):
        login(client, "mauvais", forwarded_for="203.0.113.7")
    assert login(client, PASSWORD, forwarded_for="203.0.113.7").status_code == 429
    assert login(client, PASSWORD, forwarded_for="198.51.100.20").status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_only_the_entry_the_proxy_added_counts(client):
    UserFactory(username="lucie", role="promeneur")
    # The attacker invents a new address for each try; the proxy appends the real one.
    for forged in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
        login(client, "mauvais", forwarded_for=f"{forged}, 203.0.113.7")
    assert login(client, PASSWORD, forwarded_for="192.0.2.4, 203.0.113.7").status_code == 429


@override_settings(AXES_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=0)
def test_without_a_trusted_proxy_a_forged_header_is_ignored(client):
    UserFactory(username="lucie", role="promeneur")
    for forged in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
        login(client, "mauvais", forwarded_for=forged)
    assert login(client, PASSWORD, forwarded_for="192.0.2.4").status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_malformed_forwarded_header_falls_back_to_the_connection(client):
    UserFactory(username="lucie", role="promeneur")
    assert login(client, "mauvais", forwarded_for="pas-une-adresse").status_code == 200
    assert login(client, PASSWORD, forwarded_for="pas-une-adresse").status_code == 302
