"""The public forms' pages: /contact/ (the network's mailbox) and /devenir-promeneur/ (applications).
Safe to run again, like 0002_site_tree: a page whose address exists is kept as it is."""

from django.db import migrations

from workspace.pages.tree import Tree

PAGES = (
    ("home.ContactPage", "Contact", "contact", True,
     "Une question sur le dispositif, un partenariat, une demande d'information ? Écrivez à la coordination "
     "du réseau : elle vous répond par e-mail."),
    ("home.ApplicationPage", "Devenir promeneur", "devenir-promeneur", False,
     "Votre structure accompagne des jeunes de 12 à 25 ans et souhaite que ses professionnels deviennent "
     "Promeneurs du Net ? Présentez-la : la coordination étudie chaque candidature."),
)


def build(apps, schema_editor):
    tree = Tree(apps)
    home = tree.page_at("/")
    if home is None:
        return
    for model, title, slug, in_menu, intro in PAGES:
        tree.add_page(model, home, title, slug, in_menu=in_menu, intro=intro)


class Migration(migrations.Migration):
    dependencies = [("home", "0003_contact_and_application_pages")]
    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
