"""/publications/ (public news, in the menu) and the "Relecture" moderation workflow.

The workflow is created but attached to no page: the coordinator attaches it to a
section when a second reader is wanted (README, "Modération").
"""

from django.db import migrations

from home.tree_building import Tree

WORKFLOW = "Relecture"
TASK = "Relecture par une seconde personne de la coordination"


def build(apps, schema_editor):
    tree = Tree(apps)
    home = tree.page_at("/")
    tree.add_page(
        "resources.PublicationIndexPage",
        home,
        "Publications",
        "publications",
        in_menu=True,
        intro="Les nouvelles du réseau des Promeneurs du Net des Pyrénées-Orientales.",
    )

    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name=TASK, content_type=content_type, active=True)
    task.groups.set(Group.objects.filter(name="Coordination"))
    workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0002_resources"),
        ("home", "0002_site_tree"),
        ("accounts", "0001_create_groups"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]
    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
