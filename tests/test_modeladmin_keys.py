"""Every address of a coordination record (edit, inspect, delete…) takes a number as its key:
a mistyped one is an unknown address (404), never a server error."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db
KEY = "(?P<instance_pk>"


def record_addresses(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from record_addresses(entry, pattern)
        elif isinstance(entry, URLPattern) and KEY in pattern:
            yield pattern


def with_key(pattern, key):
    before, rest = pattern.split(KEY, 1)
    after = rest.split(")", 1)[1]
    return "/" + (before + key + after).replace("^", "").replace("$", "")


ADDRESSES = sorted(set(record_addresses()))


def test_the_record_addresses_are_found():
    assert any("candidatures" in a or "application" in a for a in ADDRESSES), ADDRESSES
    assert len(ADDRESSES) >= 10


@pytest.mark.parametrize("pattern", ADDRESSES)
def test_a_key_that_is_not_a_number_is_an_unknown_address(client_as, pattern):
    response = client_as("coordination").get(with_key(pattern, "pas-un-nombre"))
    assert response.status_code == 404, with_key(pattern, "pas-un-nombre")
