"""The exchange list and a discussion cost a bounded number of queries whatever their size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.exchanges.models.discussions import Discussion
from tests.exchanges_helpers import EXCHANGES, discussion_url
from tests.factories import DiscussionFactory, MessageFactory, UserFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths…) so both sizes compare alike
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_discussions(number):
    authors = [UserFactory(role="promeneur") for _ in range(3)]
    for index in range(number):
        discussion = DiscussionFactory(author=authors[index % 3], category="posture")
        discussion.tags.add(f"mot{index % 4}", "commun")


def add_replies(discussion, number):
    authors = [UserFactory(role="promeneur") for _ in range(4)]
    for index in range(number):
        MessageFactory(discussion=discussion, author=authors[index % 4], hidden=index % 10 == 0)
    discussion.touch(discussion.messages.last())


@pytest.mark.parametrize("role", ["promeneur", "coordination"])
def test_exchange_list_queries_do_not_grow_with_discussions(client_as, role):
    client = client_as(role)
    add_discussions(3)
    small = count_queries(client, EXCHANGES)
    add_discussions(30)
    large = count_queries(client, EXCHANGES)
    assert small == large


@pytest.mark.parametrize("role", ["promeneur", "coordination"])
def test_a_discussion_with_100_replies_costs_as_many_queries_as_one_with_5(client_as, role):
    client = client_as(role)
    discussion = DiscussionFactory()
    add_replies(discussion, 5)
    small = count_queries(client, discussion_url(discussion))
    add_replies(discussion, 95)
    assert Discussion.objects.get(pk=discussion.pk).messages.count() == 101
    large = count_queries(client, discussion_url(discussion))
    assert small == large
