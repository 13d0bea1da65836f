"""The communes of the département, from network/directory/data/communes-66.json.
Safe to run again: communes are matched by INSEE code."""

from django.db import migrations

from network.directory.communes import load_communes


def load(apps, schema_editor):
    load_communes(apps.get_model("directory", "Commune"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_seed")]
    # Going back removes nothing: structures may point to these communes.
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
