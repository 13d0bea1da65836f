import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.documents.models import Document

from resources.library.models import NewsPage, PublicationPage, ResourcePage, WatchPage

pytestmark = pytest.mark.django_db


def test_demo_content_of_the_space_is_loaded_once_across_categories_and_tags(client):
    for _ in range(2):
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=io.StringIO())
    assert ResourcePage.objects.live().count() >= 30
    assert WatchPage.objects.live().count() >= 20
    assert NewsPage.objects.live().count() >= 10
    assert PublicationPage.objects.live().count() >= 3
    assert ResourcePage.objects.values("category").distinct().count() == 6
    assert ResourcePage.objects.values("tags").distinct().count() >= 10
    assert ResourcePage.objects.values("slug").distinct().count() == ResourcePage.objects.count()
    documents = Document.objects.filter(title__endswith="(membres)")
    assert documents.count() == 4
    assert {d.collection.name for d in documents} == {"Documents des membres"}
    pdf = documents.get(title="Support de formation initiale (membres)")
    assert pdf.file.open("rb").read(8) == b"%PDF-1.4"
    # A member document used in a resource is refused to anonymous visitors
    response = client.get(pdf.url)
    assert response.status_code == 302 and response["Location"].startswith("/connexion/")
