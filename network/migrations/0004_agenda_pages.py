"""The agenda pages: /agenda/ (public events) and /espace/agenda/ (what a member may see)."""

from django.db import migrations

from home.tree_building import Tree


def build(apps, schema_editor):
    tree = Tree(apps)
    Page = apps.get_model("wagtailcore", "Page")
    if Page.objects.filter(url_path__in=["/accueil/agenda/", "/accueil/espace/agenda/"]).exists():
        return
    tree.add_page(
        "network.AgendaPage", tree.page_at("/"), "Agenda", "agenda", in_menu=True, scope="public",
        intro="Les rencontres, forums et journées ouverts à tous.",
    )
    tree.add_page(
        "network.AgendaPage", tree.page_at("/espace/"), "Agenda et inscriptions", "agenda", in_menu=True, scope="visible",
        intro="Formations, temps d'échange, analyses de pratiques et rencontres du réseau : inscrivez-vous en deux clics.",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0003_events"),
        ("home", "0002_site_tree"),
    ]
    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
