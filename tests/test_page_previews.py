"""The coordinator's preview (« Aperçu ») works for every page of the site's tree."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page

from tests.factories import news_page, publication_page, resource_page, watch_page

pytestmark = pytest.mark.django_db


def test_every_page_of_the_tree_previews_for_the_coordinator(client_as):
    resource_page("Fiche à prévisualiser")
    news_page("Actualité à prévisualiser")
    publication_page("Publication à prévisualiser")
    watch_page("Veille à prévisualiser")
    client = client_as("coordination")
    # The admin's preview panel renders the page on a request that carries the editor's session.
    cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
    failures = []
    for page in Page.objects.filter(depth__gt=1).order_by("path"):
        page = page.specific
        for mode, _label in page.preview_modes:
            request = RequestFactory().get("/", HTTP_COOKIE=cookies)
            response = page.make_preview_request(original_request=request, preview_mode=mode)
            if hasattr(response, "render"):
                response.render()
            if response.status_code != 200:
                failures.append((page.url_path, mode, response.status_code))
    assert not failures


def test_no_page_type_is_offered_where_it_would_be_listed_nowhere(client_as):
    """The exchanges' addresses are the routes of their page: the admin offers no page to create below."""
    from tests.pages import page_at

    exchanges = page_at("/espace/echanges/")
    assert exchanges.specific_class.allowed_subpage_models() == []
    response = client_as("coordination").get(f"/admin/pages/{exchanges.pk}/add_subpage/")
    assert response.status_code < 500 and "Page standard" not in response.content.decode()
