"""A territory's official code (an intercommunality's SIREN, a commune's INSEE code), which lets the
directories find a promeneur by any commune of the territories they cover; the territories already
there get theirs from their name when it is unambiguous. Safe to run again: a code is never changed."""

from django.db import migrations, models

from network.directory.communes import official_code


def fill_codes(apps, schema_editor):
    Territory = apps.get_model("directory", "Territory")
    Commune = apps.get_model("directory", "Commune")
    for territory in Territory.objects.filter(code=""):
        territory.code = official_code(territory.name, territory.kind, Commune)
        if territory.code:
            territory.save(update_fields=["code"])


class Migration(migrations.Migration):
    dependencies = [("directory", "0003_load_communes")]

    operations = [
        migrations.AddField(
            model_name="territory",
            name="code",
            field=models.CharField(
                blank=True,
                db_index=True,
                help_text="SIREN de l'intercommunalité (9 chiffres) ou code INSEE de la commune (5 caractères), "
                "d'après la liste officielle des communes. Laissé vide, il est retrouvé d'après le nom quand il "
                "est sans ambiguïté. Un secteur n'en a pas.",
                max_length=9,
                verbose_name="Code officiel",
            ),
        ),
        migrations.RunPython(fill_codes, migrations.RunPython.noop),
    ]
