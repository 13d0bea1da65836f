"""One secret-address model (workspace.accounts.tokens) for the personal calendar and the member feeds."""

import pytest

from network.events.models import CALENDAR_PURPOSE
from resources.library.feeds import FEEDS_PURPOSE
from tests.factories import UserFactory
from workspace.accounts.tokens import SecretToken


@pytest.mark.django_db
def test_one_key_per_member_and_purpose(users):
    promeneur = users["promeneur"]
    calendar = SecretToken.for_user(promeneur, CALENDAR_PURPOSE)
    assert SecretToken.for_user(promeneur, CALENDAR_PURPOSE) == calendar
    feeds = SecretToken.for_user(promeneur, FEEDS_PURPOSE)
    assert feeds.key != calendar.key
    assert SecretToken.user_for(calendar.key, CALENDAR_PURPOSE) == promeneur
    # A key opens only the address it was made for.
    assert SecretToken.user_for(calendar.key, FEEDS_PURPOSE) is None


@pytest.mark.django_db
def test_reset_closes_the_old_address_only(users):
    promeneur = users["promeneur"]
    calendar = SecretToken.for_user(promeneur, CALENDAR_PURPOSE)
    feeds = SecretToken.for_user(promeneur, FEEDS_PURPOSE)
    old = calendar.key
    calendar.reset()
    assert calendar.key != old
    assert SecretToken.user_for(old, CALENDAR_PURPOSE) is None
    assert SecretToken.user_for(calendar.key, CALENDAR_PURPOSE) == promeneur
    assert SecretToken.user_for(feeds.key, FEEDS_PURPOSE) == promeneur


@pytest.mark.django_db
def test_a_deactivated_account_has_no_address():
    user = UserFactory(username="parti", role="promeneur")
    key = SecretToken.for_user(user, FEEDS_PURPOSE).key
    user.is_active = False
    user.save()
    assert SecretToken.user_for(key, FEEDS_PURPOSE) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "key", [None, "", "x", "a" * 31, "a" * 65, "a" * 300, "../../etc/passwd" * 3, "clé-avec-accents-" * 3, "a b" * 20]
)
def test_a_malformed_key_is_refused_without_a_query(key, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert SecretToken.user_for(key, CALENDAR_PURPOSE) is None
