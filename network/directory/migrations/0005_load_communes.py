"""The communes of the département from network/directory/data/communes-66.json, and each existing
structure linked to the commune its free-text commune names without ambiguity. Safe to run again:
communes are matched by INSEE code, a structure already linked is left alone."""

from django.db import migrations

from network.directory.communes import load_communes


def load(apps, schema_editor):
    Commune = apps.get_model("directory", "Commune")
    Structure = apps.get_model("directory", "Structure")
    load_communes(Commune)
    by_name = {}
    for commune in Commune.objects.all():
        by_name.setdefault(commune.name.lower(), []).append(commune)
    for structure in Structure.objects.filter(insee_commune__isnull=True).exclude(commune=""):
        candidates = by_name.get(structure.commune.strip().lower(), [])
        if len(candidates) > 1:
            candidates = [c for c in candidates if structure.postcode.strip() in c.postcodes.split()]
        if len(candidates) == 1:
            structure.insee_commune = candidates[0]
            structure.save(update_fields=["insee_commune"])


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0004_commune"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
