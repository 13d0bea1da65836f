"""The members' FAQ (/espace/faq/, under the space's restriction) and the public FAQ (/faq/)."""

from django.db import migrations

from home.tree_building import Tree


def build(apps, schema_editor):
    tree = Tree(apps)
    Page = apps.get_model("wagtailcore", "Page")
    if not Page.objects.filter(url_path="/accueil/").exists():
        return
    home = tree.page_at("/")
    space = tree.page_at("/espace/")
    tree.add_page(
        "resources.MembersFaqPage", space, "Questions fréquentes", "faq", in_menu=True,
        intro="Les réponses de la coordination aux questions posées dans les échanges, par catégorie.",
    )
    home.refresh_from_db()
    tree.add_page(
        "resources.PublicFaqPage", home, "Questions fréquentes", "faq", in_menu=True,
        intro="Les réponses aux questions que l'on pose souvent sur les Promeneurs du Net.",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0002_exchanges"),
        ("home", "0002_site_tree"),
    ]
    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
