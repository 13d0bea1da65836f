"""The page tree, its view restrictions and the restricted collections: a fresh database
migrated with no other step serves a coherent site.

The home page is the top layer: it is the one place that names every app's pages.
Safe to run again, and on a tree the coordinator has changed: a page whose address
exists is kept as it is, a section whose parent was deleted is not rebuilt, and new
paths follow the last child (workspace/pages/tree.py).
"""

from django.db import migrations

from workspace.pages.tree import Tree, add_collection, restrict

MEMBERS = ("Promeneurs", "Coordination")
COMMITTEES = {
    "pilotage": ("Comité de pilotage", "Le comité de pilotage fixe les orientations départementales du dispositif."),
    "financeurs": ("Comité des financeurs", "Le comité des financeurs suit les engagements financiers des partenaires."),
    "technique": ("Comité technique", "Le comité technique prépare les travaux du comité de pilotage et suit leur mise en œuvre."),
}


def paragraph(*paragraphs):
    return [{"type": "paragraph", "value": "".join(f"<p>{p}</p>" for p in paragraphs)}]


DISPOSITIF = paragraph(
    "Les Promeneurs du Net sont des professionnels de la jeunesse (animateurs, éducateurs, informateurs jeunesse, "
    "conseillers en insertion…) qui assurent une présence éducative sur les réseaux sociaux, là où les jeunes de "
    "12 à 25 ans passent une partie de leur temps.",
    "Mandatés par leur employeur, ils ne changent ni de métier ni de missions : ils ajoutent à leur travail de "
    "terrain un nouveau lieu, la « rue numérique ». Ils écoutent, informent, accompagnent et orientent les jeunes "
    "et leurs parents, en complément des actions menées dans les structures.",
    "Dans les Pyrénées-Orientales, le dispositif est soutenu par la Caf et animé par une coordination "
    "départementale qui accompagne, forme et réunit les promeneurs, selon les orientations du comité de pilotage.",
)
CHARTE = "".join(
    f"<p>{text}</p>"
    for text in (
        "Chaque Promeneur du Net s'engage à respecter la charte départementale : une présence identifiée et "
        "transparente (profil professionnel à son nom et à celui de sa structure), des horaires de présence en ligne "
        "annoncés, le respect de la vie privée des jeunes et de la confidentialité des échanges, l'orientation vers "
        "les relais compétents quand une situation dépasse son champ d'intervention.",
        "La charte est signée par le professionnel et par sa structure employeuse ; la coordination veille à son "
        "respect et accompagne son évolution avec le comité de pilotage.",
    )
)
MENTIONS = paragraph(
    "Éditeur : réseau départemental des Promeneurs du Net des Pyrénées-Orientales, avec le soutien de la Caf des "
    "Pyrénées-Orientales.",
    "Données personnelles : les informations de l'annuaire public ne sont publiées qu'avec l'accord de chaque "
    "promeneur. Chaque membre peut consulter, télécharger et faire rectifier ses données depuis son profil, ou "
    "demander leur suppression à la coordination.",
    "Cookies : ce site n'utilise que des cookies techniques nécessaires à la connexion ; aucun traceur publicitaire.",
)
ACCESSIBILITE = paragraph(
    "Le réseau des Promeneurs du Net 66 s'engage à rendre son site accessible conformément au référentiel général "
    "d'amélioration de l'accessibilité (RGAA).",
    "Le site vise la conformité aux critères de niveau AA des WCAG 2.1 : navigation au clavier, lien d'évitement, "
    "contrastes suffisants, formulaires étiquetés. Les contrôles sont automatisés à chaque évolution.",
    "Si vous ne parvenez pas à accéder à un contenu ou à un service, contactez la coordination du réseau : "
    "nous vous le fournirons sous une autre forme.",
)


def build_home(tree, apps):
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    home = tree.page_at("/")
    if home is not None:
        return home
    root = Page.objects.get(depth=1)
    # Replace Wagtail's "Welcome" page (the only page of a new database) with the network's home page.
    welcome = Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page")
    Site.objects.filter(root_page__in=welcome).delete()
    welcome.delete()
    home = tree.add_page(
        "home.HomePage",
        root,
        "Promeneurs du Net des Pyrénées-Orientales",
        "accueil",
        hero_title="Des professionnels de la jeunesse présents sur tes réseaux",
        hero_text="<p>Une question, un souci, une envie de projet ? Les Promeneurs du Net des Pyrénées-Orientales "
        "sont là pour t'écouter et t'orienter, en ligne comme dans leur structure.</p>",
        intro="Le réseau départemental des Promeneurs du Net, soutenu par la Caf des Pyrénées-Orientales.",
        body=DISPOSITIF[:1],
    )
    if not Site.objects.exists():
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Promeneurs du Net 66"
        )
    return home


def build(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    tree = Tree(apps)
    home = build_home(tree, apps)
    members = list(Group.objects.filter(name__in=MEMBERS))
    coordination = Group.objects.get(name="Coordination")

    public = (
        ("home.StandardPage", "Le dispositif", "le-dispositif", True,
         {"intro": "Une présence éducative sur Internet, en complément du travail de terrain.", "body": DISPOSITIF}),
        # Its versions are made by publishing it from the admin (network.coordination).
        ("coordination.CharterPage", "La charte", "charte", True,
         {"intro": "Les engagements de chaque Promeneur du Net et de sa structure.", "version_label": "1",
          "text": CHARTE}),
        ("directory.PublicDirectoryPage", "Trouver un promeneur", "annuaire", True,
         {"intro": "Les Promeneurs du Net près de chez toi et sur les réseaux que tu utilises."}),
        ("events.AgendaPage", "Agenda", "agenda", True,
         {"scope": "public", "intro": "Les rencontres, forums et journées ouverts à tous."}),
        ("library.PublicationIndexPage", "Publications", "publications", True,
         {"intro": "Les nouvelles du réseau des Promeneurs du Net des Pyrénées-Orientales."}),
        ("exchanges.PublicFaqPage", "Questions fréquentes", "faq", True,
         {"intro": "Les réponses aux questions que l'on pose souvent sur les Promeneurs du Net."}),
    )
    for model, title, slug, in_menu, fields in public:
        tree.add_page(model, home, title, slug, in_menu=in_menu, **fields)

    space = tree.add_page("pages.SpacePage", home, "Espace membres", "espace", in_menu=True,
                          intro="L'espace de travail partagé des Promeneurs du Net des Pyrénées-Orientales.")
    restrict(PageViewRestriction, members, page=space)
    sections = (
        ("library.ResourceIndexPage", "Ressources", "ressources", {"intro": "Supports de formation, fiches pratiques, cadre juridique."}),
        ("library.WatchIndexPage", "Veille", "veille", {"intro": "Articles, études et rapports repérés pour le réseau."}),
        ("library.NewsIndexPage", "Actualités du réseau", "actualites", {"intro": "Les nouvelles du réseau départemental."}),
        ("events.TrainingIndexPage", "Formations", "formations", {"intro": "Les formations proposées aux promeneurs."}),
        ("exchanges.ExchangeIndexPage", "Échanges de pratiques", "echanges", {"intro": "Questions et situations partagées entre promeneurs."}),
        ("exchanges.MembersFaqPage", "Questions fréquentes", "faq",
         {"intro": "Les réponses de la coordination aux questions posées dans les échanges, par catégorie."}),
        ("directory.MembersDirectoryPage", "Annuaire des membres", "annuaire",
         {"intro": "Les promeneurs du réseau, leurs structures et leurs référents, avec leurs coordonnées."}),
        ("directory.RelaysPage", "Relais", "relais",
         {"intro": "Vers qui orienter un jeune en difficulté : lignes d'urgence et relais du département."}),
        ("events.AgendaPage", "Agenda et inscriptions", "agenda",
         {"scope": "visible", "intro": "Formations, temps d'échange, analyses de pratiques et rencontres du réseau : "
          "inscrivez-vous en deux clics."}),
        ("activity.ActivityPage", "Mon activité", "mon-activite",
         {"intro": "Votre grille d'activité du mois, vos grilles passées et vos bilans annuels."}),
        ("directory.MyProfilePage", "Mon profil", "mon-profil",
         {"intro": "Ma fiche dans l'annuaire, mes consentements et mes données personnelles."}),
        ("library.MyFeedsPage", "Mes flux RSS", "mes-flux",
         {"intro": "Suivre l'actualité et la veille de l'espace dans un lecteur de flux."}),
    )
    for model, title, slug, fields in sections:
        tree.add_page(model, space, title, slug, in_menu=True, **fields)

    committees_home = tree.add_page("pages.CommitteeIndexPage", home, "Comités", "comites", in_menu=True,
                                    intro="Ordres du jour, documents et comptes rendus des instances du dispositif.")
    committee_groups = list(Group.objects.filter(name__in=[name for name, _ in COMMITTEES.values()]))
    restrict(PageViewRestriction, [*committee_groups, coordination], page=committees_home)
    root_collection = Collection.objects.get(depth=1)
    members_collection = add_collection(Collection, root_collection, "Documents des membres")
    restrict(CollectionViewRestriction, members, collection=members_collection)
    for slug, (name, intro) in COMMITTEES.items():
        group = Group.objects.get(name=name)
        page = tree.add_page("coordination.CommitteePage", committees_home, name, slug, intro=intro)
        restrict(PageViewRestriction, [group, coordination], page=page)
        collection = add_collection(Collection, root_collection, f"Documents du {name.lower()}")
        restrict(CollectionViewRestriction, [group, coordination], collection=collection)
    tree.add_page("activity.EvaluationFiguresPage", committees_home, "Chiffres clés du dispositif", "chiffres-cles",
                  intro="L'activité du réseau en chiffres agrégés, pour les instances du dispositif.")

    for model, title, slug, in_menu, fields in (
        ("home.StandardPage", "Mentions légales", "mentions-legales", False, {"body": MENTIONS}),
        ("home.StandardPage", "Accessibilité", "accessibilite", False,
         {"intro": "Déclaration d'accessibilité du site.", "body": ACCESSIBILITE}),
        # The public forms: the network's mailbox and the structures' applications.
        ("home.ContactPage", "Contact", "contact", True,
         {"intro": "Une question sur le dispositif, un partenariat, une demande d'information ? Écrivez à la "
          "coordination du réseau : elle vous répond par e-mail."}),
        ("home.ApplicationPage", "Devenir promeneur", "devenir-promeneur", False,
         {"intro": "Votre structure accompagne des jeunes de 12 à 25 ans et souhaite que ses professionnels "
          "deviennent Promeneurs du Net ? Présentez-la : la coordination étudie chaque candidature."}),
    ):
        tree.add_page(model, home, title, slug, in_menu=in_menu, **fields)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("pages", "0001_initial"),
        ("directory", "0001_initial"),
        ("events", "0001_initial"),
        ("activity", "0001_initial"),
        ("library", "0001_initial"),
        ("exchanges", "0001_initial"),
        ("coordination", "0001_initial"),
        ("accounts", "0002_create_groups"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]
    # Going back deletes nothing: the pages may hold the coordinator's content.
    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
