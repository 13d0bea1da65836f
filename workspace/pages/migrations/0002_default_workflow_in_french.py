"""Wagtail's own migrations create the default moderation workflow, and its one task, under the
English name "Moderators approval": the coordinator sees it in French screens (Workflows, the
"Soumettre à …" button). Both take a French name; run again, nothing changes; reversed, Wagtail's
name comes back."""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
FRENCH_NAME = "Validation par les modérateurs"


def rename(apps, old, new):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def to_french(apps, schema_editor):
    rename(apps, WAGTAIL_NAME, FRENCH_NAME)


def to_english(apps, schema_editor):
    rename(apps, FRENCH_NAME, WAGTAIL_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]
    operations = [migrations.RunPython(to_french, to_english)]
