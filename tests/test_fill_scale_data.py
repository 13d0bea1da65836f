"""fill_scale_data: refuses a database that may hold real data, and fills a scratch one."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page

from network.activity.models import ActivityGrid
from network.directory.models import Promeneur
from resources.exchanges.models.discussions import Discussion
from resources.library.models import PublicationPage, ResourcePage
from tests.pages import page_at

pytestmark = pytest.mark.django_db
SMALL = {"promeneurs": 4, "relays": 3, "resources": 20, "events": 3, "grids": 10, "exchanges": 2}


def fill(*options):
    out = io.StringIO()
    call_command("fill_scale_data", *options, stdout=out, **SMALL)
    return out.getvalue()


def test_refused_when_debug_is_off():
    with override_settings(DEBUG=False), pytest.raises(CommandError, match="DEBUG est désactivé"):
        fill()
    assert not Promeneur.objects.exists()


@override_settings(DEBUG=True)
def test_refused_when_a_promeneur_may_be_a_real_person():
    Promeneur.objects.create(first_name="Vraie", last_name="Personne", slug="vraie", email="vraie.personne@caf.fr")
    with pytest.raises(CommandError, match="peut-être de vraies personnes"):
        fill()
    assert Promeneur.objects.count() == 1
    fill("--force")
    assert Promeneur.objects.count() == 5


@override_settings(DEBUG=True)
def test_fills_pages_that_wagtail_serves_and_can_run_twice(client_as):
    fill()
    fill()
    assert Promeneur.objects.filter(email__endswith="@echelle.example.org").count() == 8
    assert ActivityGrid.objects.count() == 20
    assert Discussion.objects.count() == 4
    resources = page_at("/espace/ressources/")
    assert ResourcePage.objects.child_of(resources).count() == 22
    assert resources.numchild == Page.objects.child_of(resources).count()
    assert all(not problems for problems in Page.find_problems())  # treebeard's own check of the tree
    publication = PublicationPage.objects.live().last()
    assert client_as("anonymous").get(publication.url).status_code == 200
    assert client_as("promeneur").get(ResourcePage.objects.live().last().url).status_code == 200
