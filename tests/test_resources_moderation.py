"""Moderation: the "Relecture" workflow made by migration, a second coordinator approves."""

import pytest
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage

from resources.library.models import ResourcePage
from tests.factories import UserFactory
from tests.pages import page_at

pytestmark = pytest.mark.django_db


def test_migration_creates_the_review_workflow_for_the_coordination():
    workflow = Workflow.objects.get(name="Relecture")
    assert workflow.active
    (task,) = [task.specific for task in workflow.tasks]
    assert isinstance(task, GroupApprovalTask)
    assert [group.name for group in task.groups.all()] == ["Coordination"]
    assert not WorkflowPage.objects.filter(workflow=workflow).exists()  # attached by the coordinator


def test_a_page_under_a_section_with_the_workflow_waits_for_a_second_coordinator(client):
    author = UserFactory(username="camille", role="coordination")
    reviewer = UserFactory(username="sami", role="coordination")
    promeneur = UserFactory(username="lucie", role="promeneur")
    index = page_at("/espace/ressources/")
    WorkflowPage.objects.create(workflow=Workflow.objects.get(name="Relecture"), page=index)

    resource = ResourcePage(title="Fiche en relecture", category="formation", live=False)
    index.add_child(instance=resource)
    revision = resource.save_revision(user=author)
    assert resource.get_workflow().name == "Relecture"
    state = resource.get_workflow().start(resource, author)
    resource.refresh_from_db()
    assert not resource.live
    client.force_login(promeneur)
    assert client.get("/espace/ressources/").content.decode().count("Fiche en relecture") == 0

    task_state = state.current_task_state.specific
    assert task_state.task.specific.user_can_access_editor(resource, reviewer)
    assert not task_state.task.specific.get_actions(resource, promeneur)  # a promeneur cannot approve
    task_state.approve(user=reviewer)
    resource.refresh_from_db()
    assert resource.live
    assert resource.live_revision_id == revision.pk
    assert "Fiche en relecture" in client.get("/espace/ressources/").content.decode()
    assert resource.revisions.count() >= 1


def test_audit_log_records_the_workflow_steps():
    from wagtail.models import PageLogEntry

    author = UserFactory(username="camille", role="coordination")
    reviewer = UserFactory(username="sami", role="coordination")
    index = page_at("/espace/veille/")
    WorkflowPage.objects.create(workflow=Workflow.objects.get(name="Relecture"), page=index)
    from resources.library.models import WatchPage

    item = WatchPage(title="Veille relue", link="https://example.org", commentary="Une ligne.", live=False)
    index.add_child(instance=item)
    item.save_revision(user=author)
    item.get_workflow().start(item, author).current_task_state.specific.approve(user=reviewer)
    actions = set(PageLogEntry.objects.filter(page=item).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.publish"} <= actions
