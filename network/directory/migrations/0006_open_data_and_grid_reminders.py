import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_load_communes")]

    operations = [
        migrations.AddField(
            model_name="structure",
            name="open_data",
            field=models.BooleanField(
                default=False,
                help_text="Nom, adresse, téléphone et site web publiés dans /donnees/structures.json et .csv "
                "(jamais le référent).",
                verbose_name="Accepte la publication en données ouvertes",
            ),
        ),
        migrations.AddField(
            model_name="structure",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now, verbose_name="Modifié le"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="promeneur",
            name="grid_reminders",
            field=models.BooleanField(default=True, verbose_name="Recevoir le rappel mensuel de ma grille d'activité"),
        ),
    ]
