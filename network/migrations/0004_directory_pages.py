"""The directory's pages, and the national emergency lines every department needs."""

from django.db import migrations

from home.tree_building import Tree

NATIONAL_LINES = (
    ("3114 – Numéro national de prévention du suicide", "sante_mentale", "3114", "24 h/24, 7 j/7, gratuit",
     "https://3114.fr/", "Écoute professionnelle pour les personnes en détresse psychique, leurs proches et les professionnels."),
    ("3018 – Cyberharcèlement et violences numériques", "harcelement", "3018", "7 j/7 de 9 h à 23 h, gratuit",
     "https://e-enfance.org/", "Écoute, conseil et signalement aux plateformes pour les jeunes victimes de cyberharcèlement."),
    ("119 – Allô Enfance en Danger", "violences", "119", "24 h/24, 7 j/7, gratuit",
     "https://www.allo119.gouv.fr/", "Pour un enfant ou un adolescent en danger ou en risque de l'être, et pour les adultes témoins."),
    ("3020 – Non au harcèlement", "harcelement", "3020", "Du lundi au vendredi de 9 h à 20 h, samedi de 9 h à 18 h",
     "https://www.nonauharcelement.education.gouv.fr/", "Harcèlement à l'école : écoute des élèves, des parents et des professionnels."),
    ("3919 – Violences Femmes Info", "violences", "3919", "24 h/24, 7 j/7, gratuit",
     "https://arretonslesviolences.gouv.fr/", "Écoute et orientation des femmes victimes de violences et de leur entourage."),
    ("Fil Santé Jeunes", "sante", "0 800 235 236", "7 j/7 de 9 h à 23 h, gratuit",
     "https://www.filsantejeunes.com/", "Santé, sexualité, mal-être, relations : écoute anonyme des 12–25 ans."),
    ("Drogues Info Service", "addictions", "0 800 23 13 13", "7 j/7 de 8 h à 2 h, gratuit",
     "https://www.drogues-info-service.fr/", "Information et orientation sur les drogues et les addictions."),
    ("Numéro vert « Stop djihadisme »", "radicalisation", "0 800 005 696", "Du lundi au vendredi de 9 h à 18 h",
     "https://www.stop-djihadisme.gouv.fr/", "Signaler une situation de radicalisation et être accompagné."),
)


def build(apps, schema_editor):
    tree = Tree(apps)
    home = tree.page_at("/")
    tree.add_page(
        "network.PublicDirectoryPage", home, "Trouver un promeneur", "annuaire", in_menu=True,
        intro="Les Promeneurs du Net près de chez toi et sur les réseaux que tu utilises.",
    )
    space = tree.page_at("/espace/")
    tree.add_page("network.MembersDirectoryPage", space, "Annuaire des membres", "annuaire", in_menu=True,
                  intro="Les promeneurs du réseau, leurs structures et leurs référents, avec leurs coordonnées.")
    tree.add_page("network.RelaysPage", space, "Relais", "relais", in_menu=True,
                  intro="Vers qui orienter un jeune en difficulté : lignes d'urgence et relais du département.")
    tree.add_page("network.MyProfilePage", space, "Mon profil", "mon-profil", in_menu=True,
                  intro="Ma fiche dans l'annuaire, mes consentements et mes données personnelles.")

    Relay = apps.get_model("network", "Relay")
    for organisation, domain, phone, hours, website, description in NATIONAL_LINES:
        Relay.objects.get_or_create(
            organisation=organisation,
            defaults={"domain": domain, "phone": phone, "hours": hours, "website": website,
                      "description": description, "is_national_emergency": True, "is_public": True},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0003_directory_relays"),
        ("home", "0002_site_tree"),
    ]
    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
