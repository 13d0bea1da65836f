from django.db import migrations
from django.utils.text import slugify

THEMES = (
    "Lien social",
    "Loisirs",
    "Insertion",
    "Parentalité",
    "Santé",
    "Addictions",
    "Sexualité",
    "Violences et cyberviolences",
    "Logement",
    "Scolarité",
    "Citoyenneté et engagement",
    "Éducation aux médias",
)


def seed(apps, schema_editor):
    Theme = apps.get_model("network", "Theme")
    for name in THEMES:
        Theme.objects.get_or_create(slug=slugify(name), defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
