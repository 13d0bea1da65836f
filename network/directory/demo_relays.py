"""Fictitious local relays of the Pyrénées-Orientales (demo only); the national lines come
from the data migration 0002_seed."""

from network.directory.models import Relay, Territory

# organisation, domain, territory name (None: whole department), public, phone, hours, description
RELAYS = (
    (
        "Maison des adolescents 66 (fictive)",
        "sante_mentale",
        None,
        True,
        "04 68 00 10 10",
        "Du lundi au vendredi de 10 h à 18 h",
        "Accueil anonyme et gratuit des 11–25 ans et de leurs parents.",
    ),
    (
        "Point écoute jeunes de Perpignan (fictif)",
        "sante_mentale",
        "Perpignan Méditerranée Métropole",
        True,
        "04 68 00 10 11",
        "Mercredi et samedi de 14 h à 18 h",
        "Psychologues à l'écoute des jeunes, sans rendez-vous.",
    ),
    (
        "CSAPA jeunes consommateurs (fictif)",
        "addictions",
        None,
        True,
        "04 68 00 10 12",
        "Sur rendez-vous",
        "Consultations gratuites pour les jeunes et leur entourage.",
    ),
    (
        "Centre de santé sexuelle de Prades (fictif)",
        "sexualite",
        "Conflent Canigó",
        True,
        "04 68 00 10 13",
        "Mardi et jeudi de 13 h à 17 h",
        "Contraception, dépistage, questions sur la vie affective.",
    ),
    (
        "Référent radicalisation de la préfecture (fictif)",
        "radicalisation",
        None,
        False,
        "04 68 00 10 14",
        "Jours ouvrés",
        "Cellule de prévention : à contacter par les professionnels uniquement.",
    ),
    (
        "Foyer de jeunes travailleurs de Céret (fictif)",
        "logement",
        "Vallespir (Céret)",
        True,
        "04 68 00 10 15",
        "Du lundi au vendredi",
        "Logement temporaire des 16–30 ans en formation ou en emploi.",
    ),
    (
        "Point justice du Roussillon (fictif)",
        "droits",
        None,
        True,
        "04 68 00 10 16",
        "Sur rendez-vous",
        "Information juridique gratuite, droits des mineurs.",
    ),
    (
        "Association d'aide aux victimes 66 (fictive)",
        "violences",
        None,
        False,
        "04 68 00 10 17",
        "Du lundi au vendredi de 9 h à 17 h",
        "Accompagnement des victimes : orientation par un professionnel.",
    ),
)


def load(stdout):
    for organisation, domain, territory, public, phone, hours, description in RELAYS:
        Relay.objects.update_or_create(
            organisation=organisation,
            defaults={
                "domain": domain,
                "territory": Territory.objects.filter(name=territory).first() if territory else None,
                "is_public": public,
                "phone": phone,
                "hours": hours,
                "description": description,
                "email": "contact@example.org",
                "website": "https://example.org/",
            },
        )
    stdout.write(f"Relais : {Relay.objects.count()} dont {Relay.objects.public().count()} publics.")
    return []
