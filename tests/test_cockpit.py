"""The cockpit's frame: blocks registered by each area, shown to Coordination only, bounded."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

from network.directory.models import Promeneur
from tests.factories import PromeneurFactory
from workspace.cockpit.blocks import CockpitBlock, CockpitItem, cockpit_blocks

pytestmark = pytest.mark.django_db


class PromeneursBlock(CockpitBlock):
    name = "test-promeneurs"
    title = "Promeneurs de test"
    limit = 2
    permission = "directory.view_promeneur"

    def get_queryset(self, request):
        return Promeneur.objects.order_by("last_name")

    def item(self, obj):
        return CockpitItem(label=str(obj), url=f"/admin/snippets/directory/promeneur/edit/{obj.pk}/")


@pytest.fixture
def test_block():
    with hooks.register_temporarily("register_cockpit_block", PromeneursBlock):
        yield


def test_the_admin_home_shows_registered_blocks_to_coordination_with_a_count_and_a_few_items(
    client_as, users, test_block
):
    PromeneurFactory.create_batch(3)  # with the role users' own promeneur: 4
    response = client_as("coordination").get("/admin/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ce qui vous attend aujourd" in body
    assert "w-summary__list" not in body  # Wagtail's site summary is gone
    assert 'id="cockpit-test-promeneurs"' in body
    # Other areas' blocks link to promeneurs too: count in the test block only.
    start = body.index('id="cockpit-test-promeneurs"')
    test_block = body[start : body.index("</section>", start)]
    assert test_block.count("/admin/snippets/directory/promeneur/edit/") == 2
    assert '4<span class="w-sr-only"> éléments</span>' in test_block


@pytest.mark.parametrize("role", ["promeneur", "pilotage"])
def test_blocks_are_for_coordination_only(rf, users, role, test_block):
    request = rf.get("/admin/")
    request.user = users[role]
    assert cockpit_blocks(request) == []


class BlockOfNobody(PromeneursBlock):
    name = "test-no-permission"
    permission = None


def test_a_block_says_which_permission_it_needs_and_none_falls_back_on_a_group(rf, users):
    """One permission vocabulary: a block asks a model permission (or its area's named rule), never
    "is this user in the Coordination group?" by default."""
    request = rf.get("/admin/")
    request.user = users["coordination"]
    with hooks.register_temporarily("register_cockpit_block", BlockOfNobody), pytest.raises(ImproperlyConfigured):
        cockpit_blocks(request)
