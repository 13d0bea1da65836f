"""Every feed reads right in feedparser (a reader nobody here wrote): well-formed (bozo == 0),
each item dated by the page's own date, newest first; a wrong, empty or very long key is a 404."""

import datetime
import html
from email.utils import parsedate_to_datetime

import feedparser
import pytest

from resources.library.feeds import FEEDS_PURPOSE
from tests.factories import news_page, publication_page, watch_page
from workspace.accounts.tokens import SecretToken

pytestmark = pytest.mark.django_db


def read(response):
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def dates(feed):
    """(title, the date the reader shows) of each item, in the feed's order."""
    return [(entry.title, parsedate_to_datetime(entry.published).date()) for entry in feed.entries]


def test_the_public_feed_dates_items_by_the_page_date(client):
    # Published today, both; the pages say otherwise, and the feed must say what the pages say.
    publication_page("Bilan d'activité & perspectives", date="2026-11-01", intro="Résumé <public>.")
    publication_page("Publication de septembre", date="2026-09-15")
    feed = read(client.get("/publications/rss/"))
    assert dates(feed) == [
        ("Bilan d'activité & perspectives", datetime.date(2026, 11, 1)),
        ("Publication de septembre", datetime.date(2026, 9, 15)),
    ]
    # A description is HTML to a reader: the plain-text intro shows as written.
    assert html.unescape(feed.entries[0].summary) == "Résumé <public>."
    assert feed.feed.language == "fr"
    # Whatever the reader's time zone, it is the same day.
    assert feed.entries[0].published_parsed[:3] == (2026, 11, 1)


def test_a_personal_feed_is_sorted_by_the_page_dates_across_types(client, users):
    # Created in an order that is not the date order.
    watch_page("Étude de mars", date="2026-03-10")
    news_page("Actualité de janvier", date="2026-01-20")
    news_page("Actualité d'avril", date="2026-04-02")
    watch_page("Étude de février", date="2026-02-05")
    key = SecretToken.for_user(users["promeneur"], FEEDS_PURPOSE).key
    for address, expected in (
        (f"/flux/{key}/", ["2026-04-02", "2026-03-10", "2026-02-05", "2026-01-20"]),
        (f"/flux/{key}/actualites/", ["2026-04-02", "2026-01-20"]),
        (f"/flux/{key}/veille/", ["2026-03-10", "2026-02-05"]),
    ):
        feed = read(client.get(address))
        assert [day.isoformat() for _title, day in dates(feed)] == expected, address


@pytest.mark.parametrize("key", ["", "x", "a" * 43, "a" * 5000, "é" * 40])
@pytest.mark.parametrize("section", ["", "veille/"])
def test_a_wrong_empty_or_very_long_key_is_a_404(client, users, key, section):
    assert client.get(f"/flux/{key}/{section}").status_code == 404


def test_an_unknown_section_is_a_404(client, users):
    key = SecretToken.for_user(users["promeneur"], FEEDS_PURPOSE).key
    assert client.get(f"/flux/{key}/{'x' * 3000}/").status_code == 404
