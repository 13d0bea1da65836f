"""What every department starts with: the themes of the activity grids and the directory,
and the national emergency lines of the relays. Safe to run again: existing rows are kept."""

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



def seed(apps, schema_editor):
    Theme = apps.get_model("directory", "Theme")
    for name in THEMES:
        Theme.objects.get_or_create(slug=slugify(name), defaults={"name": name})
    Relay = apps.get_model("directory", "Relay")
    for organisation, domain, phone, hours, website, description in NATIONAL_LINES:
        Relay.objects.get_or_create(
            organisation=organisation,
            defaults={"domain": domain, "phone": phone, "hours": hours, "website": website,
                      "description": description, "is_national_emergency": True, "is_public": True},
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    # Going back removes nothing: the coordinator may have edited these rows.
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
