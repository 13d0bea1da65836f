"""Where a form sends the user back: a path of this site, else the view's own default."""

import pytest
from django.test import RequestFactory

from workspace.security.next_url import next_path


@pytest.mark.parametrize(
    ("posted", "expected"),
    [
        ("/espace/agenda/", "/espace/agenda/"),
        ("", "default"),
        ("=1+1", "default"),  # a bare word: redirect() would look it up as a URL name
        ("https://ailleurs.example/", "default"),
        ("//ailleurs.example/", "default"),
        ("network_changed_profiles", "default"),
    ],
)
def test_next_is_a_path_of_this_site_or_the_default(posted, expected):
    request = RequestFactory().post("/", {"next": posted})
    assert next_path(request, "default") == expected


def test_next_is_read_from_the_query_string_too():
    assert next_path(RequestFactory().get("/", {"next": "/espace/"}), "default") == "/espace/"


@pytest.mark.django_db
def test_marking_profiles_reviewed_with_a_bare_word_as_next_goes_back_to_the_list(client_as):
    response = client_as("coordination").post("/admin/annuaire/profils-modifies/relus/", {"next": "=1+1"})
    assert response.status_code == 302 and response["Location"] == "/admin/annuaire/profils-modifies/"
