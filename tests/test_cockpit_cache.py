"""The cockpit's blocks are built once and shared through the cache, forgotten as soon as a model
they read is written; Wagtail's moderation panels only when something is in moderation."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.admin.views.home import LockedPagesPanel, RecentEditsPanel, UserObjectsInWorkflowModerationPanel
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowTask

from network.directory.models import Promeneur
from resources.exchanges.models.discussions import Report
from tests.factories import MessageFactory, PromeneurFactory, UserFactory
from tests.test_cockpit_activity import HOME, block, text
from workspace.cockpit.blocks import _watchers, cockpit_blocks
from workspace.cockpit.wagtail_hooks import WORKFLOW_PANELS, leave_out_empty_moderation_panels

pytestmark = pytest.mark.django_db


def test_every_block_that_reads_the_database_names_the_models_it_reads(rf, users):
    request = rf.get(HOME)
    request.user = users["coordination"]
    for cockpit_block in cockpit_blocks(request):
        if cockpit_block.name != "month-figures":  # links only, from the date
            assert cockpit_block.watched, cockpit_block.name
    assert Promeneur in _watchers()  # every label names a model (apps.get_model would raise)


def test_a_block_is_read_from_the_cache_until_a_model_it_reads_is_written(client_as, users):
    client = client_as("coordination")
    changed = PromeneurFactory(first_name="Zoé", last_name="Modifiée")
    assert "Modifiée" not in block(text(client.get(HOME)), "changed-profiles")
    Promeneur.objects.filter(pk=changed.pk).update(profile_changed_at="2026-01-01T10:00:00Z")  # behind the signals
    with CaptureQueriesContext(connection) as queries:
        assert "Modifiée" not in block(text(client.get(HOME)), "changed-profiles")  # kept: read from the cache
    assert not any('"directory_promeneur"' in query["sql"] for query in queries.captured_queries)

    changed.refresh_from_db()
    changed.save()  # any write to a promeneur: the blocks that read promeneurs are built again
    assert "Modifiée" in block(text(client.get(HOME)), "changed-profiles")


def test_moderating_a_message_empties_the_reports_block_at_once(client_as, users):
    """Hiding a message marks its reports handled with update(): the block is forgotten all the same."""
    message = MessageFactory()
    Report.objects.create(message=message, reporter=UserFactory(), reason="Propos blessants")
    client = client_as("coordination")
    assert '1<span class="w-sr-only"> élément</span>' in block(text(client.get(HOME)), "reported-messages")
    from resources.exchanges.actions import hide

    hide(message, users["coordination"], "Propos blessants")
    assert '0<span class="w-sr-only"> élément</span>' in block(text(client.get(HOME)), "reported-messages")


def test_the_moderation_panels_are_left_out_while_nothing_is_in_moderation(rf, users):
    request = rf.get(HOME)
    request.user = users["coordination"]
    wagtail_panels = [panel() for panel in (*WORKFLOW_PANELS, RecentEditsPanel, LockedPagesPanel)]

    panels = list(wagtail_panels)
    leave_out_empty_moderation_panels(request, panels)
    assert [type(panel) for panel in panels] == [RecentEditsPanel, LockedPagesPanel]

    page = Page.objects.filter(depth=2).first().specific
    page.save_revision(user=users["coordination"])
    workflow = Workflow.objects.create(name="Relecture")
    task = GroupApprovalTask.objects.create(name="Relecture")
    task.groups.add(Group.objects.create(name="Relecteurs"))
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow.start(page, users["coordination"])
    panels = list(wagtail_panels)
    leave_out_empty_moderation_panels(request, panels)
    assert UserObjectsInWorkflowModerationPanel in [type(panel) for panel in panels]
    assert len(panels) == 4
