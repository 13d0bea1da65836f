"""/espace/mon-activite/ (inherits the members' restriction) and /comites/chiffres-cles/
(inherits the committees' restriction)."""

from django.db import migrations

from home.tree_building import Tree


def build(apps, schema_editor):
    tree = Tree(apps)
    Page = apps.get_model("wagtailcore", "Page")
    if not Page.objects.filter(url_path="/accueil/espace/").exists():
        return
    tree.add_page(
        "network.ActivityPage",
        tree.page_at("/espace/"),
        "Mon activité",
        "mon-activite",
        in_menu=True,
        intro="Votre grille d'activité du mois, vos grilles passées et vos bilans annuels.",
    )
    tree.add_page(
        "network.EvaluationFiguresPage",
        tree.page_at("/comites/"),
        "Chiffres clés du dispositif",
        "chiffres-cles",
        intro="L'activité du réseau en chiffres agrégés, pour les instances du dispositif.",
    )


def unbuild(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    for url_path in ("/accueil/espace/mon-activite/", "/accueil/comites/chiffres-cles/"):
        page = Page.objects.filter(url_path=url_path).first()
        if page:
            parent = Page.objects.get(path=page.path[:-4])
            page.delete()
            parent.numchild -= 1
            parent.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [("network", "0003_activity"), ("home", "0002_site_tree")]
    operations = [migrations.RunPython(build, unbuild)]
