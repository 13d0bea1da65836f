"""Fictitious but realistic directory for the Pyrénées-Orientales (demo only)."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from network.directory.communes import match_commune
from network.directory.models import Promeneur, SocialProfile, Structure, Territory, Theme
from workspace.accounts.roles import PROMENEURS

TERRITORIES = (
    ("Perpignan Méditerranée Métropole", "epci"),
    ("Conflent Canigó", "epci"),
    ("Pyrénées Cerdagne", "epci"),
    ("Haut Vallespir", "epci"),
    ("Vallespir (Céret)", "epci"),
    ("Agly Fenouillèdes", "epci"),
    ("Albères – Côte Vermeille – Illibéris", "epci"),
    ("Sud Roussillon", "epci"),
    ("Roussillon Conflent", "epci"),
    ("Salanque Méditerranée", "epci"),
)

# name, kind, commune, postcode, territory, QPV, referent
# The structures that agreed to be published as open data (/donnees/structures.json): some, not all.
OPEN_DATA_KINDS = {"centre_social", "mjc", "pij_bij", "mission_locale"}

STRUCTURES = (
    ("Centre social Les Oliviers (fictif)", "centre_social", "Perpignan", "66000", 0, True, "Nadia Benali"),
    ("MJC du Conflent (fictive)", "mjc", "Prades", "66500", 1, False, "Jordi Puig"),
    (
        "Point Information Jeunesse de Cerdagne (fictif)",
        "pij_bij",
        "Font-Romeu-Odeillo-Via",
        "66120",
        2,
        False,
        "Anna Soler",
    ),
    ("Mission locale Vallespir (fictive)", "mission_locale", "Céret", "66400", 4, False, "Marc Castell"),
    ("Association Prévention Jeunes 66 (fictive)", "prevention", "Perpignan", "66100", 0, True, "Sophie Ferrer"),
    (
        "Maison des jeunes de la Côte Vermeille (fictive)",
        "collectivite",
        "Argelès-sur-Mer",
        "66700",
        6,
        False,
        "Paul Vidal",
    ),
    (
        "Espace jeunes Fenouillèdes (fictif)",
        "association",
        "Saint-Paul-de-Fenouillet",
        "66220",
        5,
        False,
        "Laura Marty",
    ),
)

# first name, last name, job, structure index, territory indexes, public, photo consent, hours, networks
PROMENEURS_DATA = (
    (
        "Lucie",
        "Martin",
        "Animatrice jeunesse",
        0,
        (0,),
        True,
        True,
        "mardi et jeudi 17h–19h",
        ("instagram", "snapchat"),
    ),
    (
        "Karim",
        "Haddad",
        "Éducateur spécialisé",
        4,
        (0, 7),
        True,
        False,
        "lundi et mercredi 16h–18h",
        ("instagram", "tiktok", "discord"),
    ),
    ("Marie", "Bosch", "Informatrice jeunesse", 2, (2,), True, True, "mercredi 14h–17h", ("instagram", "facebook")),
    (
        "Thomas",
        "Garcia",
        "Conseiller en insertion",
        3,
        (4, 3),
        True,
        False,
        "mardi 10h–12h et vendredi 15h–17h",
        ("facebook", "whatsapp"),
    ),
    ("Inès", "Roca", "Animatrice de prévention", 4, (0,), False, False, "jeudi 18h–20h", ("snapchat", "tiktok")),
    (
        "Hugo",
        "Sala",
        "Animateur multimédia",
        1,
        (1, 8),
        True,
        True,
        "mercredi et samedi 14h–16h",
        ("discord", "twitch", "youtube"),
    ),
    ("Léa", "Pujol", "Animatrice jeunesse", 5, (6,), True, True, "lundi 17h–19h", ("instagram", "tiktok")),
    ("Yanis", "Ortega", "Éducateur de rue", 4, (0, 9), True, False, "vendredi 19h–21h", ("snapchat", "instagram")),
    ("Clara", "Mas", "Animatrice socioculturelle", 6, (5,), True, True, "mardi 16h–18h", ("facebook", "instagram")),
    ("Enzo", "Camps", "Animateur jeunesse", 0, (0,), False, False, "jeudi 14h–16h", ("discord",)),
    (
        "Sarah",
        "Llorens",
        "Conseillère en insertion",
        3,
        (4,),
        True,
        True,
        "lundi et jeudi 10h–12h",
        ("whatsapp", "instagram"),
    ),
    ("Nathan", "Ribes", "Informateur jeunesse", 2, (2, 1), True, False, "mercredi 17h–19h", ("tiktok", "youtube")),
)

DEMO_PASSWORD = "Promeneur66!"
HANDLE_PREFIX = {"discord": "", "whatsapp": "", "facebook": ""}
NETWORK_URLS = {
    "instagram": "https://www.instagram.com/{}",
    "tiktok": "https://www.tiktok.com/@{}",
    "youtube": "https://www.youtube.com/@{}",
    "twitch": "https://www.twitch.tv/{}",
    "facebook": "https://www.facebook.com/{}",
    "snapchat": "https://www.snapchat.com/add/{}",
}


def load(stdout):
    territories = [Territory.objects.get_or_create(name=name, defaults={"kind": kind})[0] for name, kind in TERRITORIES]
    structures = []
    for name, kind, commune, postcode, territory, qpv, referent in STRUCTURES:
        structure, _ = Structure.objects.update_or_create(
            name=name,
            defaults={
                "kind": kind,
                "commune": commune,
                "postcode": postcode,
                "insee_commune": match_commune(commune, postcode),
                "address": "1 rue de l'Exemple",
                "territory": territories[territory],
                "priority_neighbourhood": qpv,
                "phone": "04 68 00 00 00",
                "website": "https://example.org/",
                "referent_name": referent,
                "referent_role": "Directeur ou directrice",
                "referent_email": f"referent.{commune.lower().split('-')[0]}@example.org",
                "referent_phone": "04 68 00 00 01",
                "open_data": kind in OPEN_DATA_KINDS,
            },
        )
        structures.append(structure)

    themes = list(Theme.objects.order_by("pk"))
    group = Group.objects.get(name=PROMENEURS)
    User = get_user_model()
    accounts = []
    for index, (first, last, job, structure, territory_ids, public, photo, hours, networks) in enumerate(
        PROMENEURS_DATA
    ):
        username = f"{first}.{last}".lower().replace("è", "e").replace("é", "e")
        email = f"{username}@example.org"
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "email": email}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(group)
        promeneur, _ = Promeneur.objects.update_or_create(
            user=user,
            defaults={
                "first_name": first,
                "last_name": last,
                "job_title": job,
                "structure": structures[structure],
                "email": email,
                "phone": f"06 00 00 00 {index:02d}",
                "presentation": (
                    f"{job} à {structures[structure].commune}, je suis présent·e sur les réseaux pour répondre à tes "
                    "questions : loisirs, orientation, santé, relations… Écris-moi sans hésiter !"
                ),
                "hours_online": hours,
                "public_listing": public,
                "photo_consent": photo,
                "charter_version": "2024",
                "charter_signed_on": datetime.date(2024, 1 + index % 12, 1 + index),
                "entry_date": datetime.date(2019 + index % 6, 1 + index % 12, 1),
            },
        )
        promeneur.territories.set([territories[t] for t in territory_ids])
        promeneur.themes.set(themes[index % 5 :: 4][:3])
        promeneur.save()
        promeneur.social_profiles.all().delete()
        for order, network in enumerate(networks):
            handle = f"{first.lower()}_pdn66"
            url_pattern = NETWORK_URLS.get(network)
            SocialProfile.objects.create(
                promeneur=promeneur,
                sort_order=order,
                network=network,
                profile_name=f"{first} Promeneur du Net 66" if network in HANDLE_PREFIX else handle,
                url=url_pattern.format(handle) if url_pattern else "",
            )
        accounts.append((username, DEMO_PASSWORD, f"Promeneur ({first} {last})"))
    stdout.write(
        f"Annuaire : {len(territories)} territoires, {len(structures)} structures, {len(accounts)} promeneurs."
    )
    return accounts
