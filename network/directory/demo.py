"""Fictitious but realistic directory for the Pyrénées-Orientales (demo only)."""

import datetime
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from network.directory.communes import match_commune
from network.directory.models import Promeneur, SocialProfile, Structure, Territory, Theme
from workspace.accounts.roles import PROMENEURS

# Territories (with the SIREN of their intercommunality), structures and promeneurs, one object a
# line; a structure names its territory, a promeneur their structure and territories.
DEMO_FILE = Path(__file__).resolve().parent / "data" / "demo-directory.json"
# The structures that agreed to be published as open data (/donnees/structures.json): some, not all.
OPEN_DATA_KINDS = {"centre_social", "mjc", "pij_bij", "mission_locale"}

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
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    territories = {}
    for row in data["territories"]:
        territories[row["name"]], _ = Territory.objects.update_or_create(
            name=row["name"], defaults={"kind": row["kind"], "code": row["code"]}
        )
    structures = {}
    for row in data["structures"]:
        commune, kind = row["commune"], row["kind"]
        structures[row["name"]], _ = Structure.objects.update_or_create(
            name=row["name"],
            defaults={
                "kind": kind,
                "commune": commune,
                "postcode": row["postcode"],
                "insee_commune": match_commune(commune, row["postcode"]),
                "address": "1 rue de l'Exemple",
                "territory": territories[row["territory"]],
                "priority_neighbourhood": row["priority_neighbourhood"],
                "phone": "04 68 00 00 00",
                "website": "https://example.org/",
                "referent_name": row["referent_name"],
                "referent_role": "Directeur ou directrice",
                "referent_email": f"referent.{slugify(commune).split('-')[0]}@example.org",
                "referent_phone": "04 68 00 00 01",
                "open_data": kind in OPEN_DATA_KINDS,
            },
        )

    themes = list(Theme.objects.order_by("pk"))
    group = Group.objects.get(name=PROMENEURS)
    User = get_user_model()
    accounts = []
    for index, row in enumerate(data["promeneurs"]):
        first, last, job = row["first_name"], row["last_name"], row["job_title"]
        structure = structures[row["structure"]]
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
                "structure": structure,
                "email": email,
                "phone": f"06 00 00 00 {index:02d}",
                "presentation": (
                    f"{job} à {structure.commune}, je suis présent·e sur les réseaux pour répondre à tes "
                    "questions : loisirs, orientation, santé, relations… Écris-moi sans hésiter !"
                ),
                "hours_online": row["hours_online"],
                "public_listing": row["public_listing"],
                "photo_consent": row["photo_consent"],
                "charter_version": "2024",
                "charter_signed_on": datetime.date(2024, 1 + index % 12, 1 + index),
                "entry_date": datetime.date(2019 + index % 6, 1 + index % 12, 1),
            },
        )
        promeneur.territories.set([territories[name] for name in row["territories"]])
        promeneur.themes.set(themes[index % 5 :: 4][:3])
        promeneur.save()
        promeneur.social_profiles.all().delete()
        for order, network in enumerate(row["networks"]):
            handle = f"{slugify(first)}_pdn66"  # "lea_pdn66": no accent in a network handle
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
