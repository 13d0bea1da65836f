"""The account a promeneur had before their departure detached it (anonymise_promeneur): their past
registrations to events stay counted in the evaluation. The promeneurs anonymised already get
theirs back from its name, which anonymisation made « ancien-promeneur-<pk> »."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def find_former_accounts(apps, schema_editor):
    Promeneur = apps.get_model("directory", "Promeneur")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    leavers = Promeneur.objects.filter(anonymised_at__isnull=False, user=None, former_user=None)
    for promeneur in leavers:
        account = User.objects.filter(username=f"ancien-promeneur-{promeneur.pk}", former_promeneur=None).first()
        if account is not None:
            promeneur.former_user = account
            promeneur.save(update_fields=["former_user"])


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0005_promeneur_is_active_help"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="promeneur",
            name="former_user",
            field=models.OneToOneField(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="former_promeneur",
                to=settings.AUTH_USER_MODEL,
                verbose_name="Ancien compte",
            ),
        ),
        migrations.RunPython(find_former_accounts, migrations.RunPython.noop),
    ]
