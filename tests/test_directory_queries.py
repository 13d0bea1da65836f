"""The directory listings cost the same number of SQL queries, at most 15, with 5 and with 300
promeneurs (30 of them with a photo, 66 structures: more than a page of them)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.directory.models import Promeneur, Relay, SocialProfile, Structure, Territory, Theme
from tests.factories import make_image

pytestmark = pytest.mark.django_db

PAGES = [
    ("anonymous", "/annuaire/"),
    ("anonymous", "/annuaire/?territoire=zone-0&reseau=instagram"),
    ("promeneur", "/espace/annuaire/"),
    ("promeneur", "/espace/annuaire/?territoire=zone-1&q=employeur"),
    ("promeneur", "/espace/relais/"),
    ("anonymous", "/annuaire/relais/"),
    ("anonymous", "/annuaire/structure/employeur-0/"),
]


def populate(size):
    """``size`` promeneurs (and as many relays), each with territories, themes, two social
    profiles; the first 30 have a photo, shown to the public with their consent."""
    territories = [Territory.objects.create(name=f"Zone {i}") for i in range(4)]
    structures = [
        Structure.objects.create(name=f"Employeur {i}", territory=territories[i % 4]) for i in range(6 + size // 5)
    ]
    themes = list(Theme.objects.all()[:3])
    promeneurs = Promeneur.objects.bulk_create(
        Promeneur(
            first_name=f"Prénom{i}",
            last_name=f"Nom{i:03d}",
            slug=f"promeneur-{size}-{i}",
            structure=structures[i % 6],
            email=f"p{i}@example.org",
            phone="06 00 00 00 00",
            public_listing=True,
            photo_consent=True,
            photo=make_image(f"Photo {i}") if i < 30 else None,
        )
        for i in range(size)
    )
    Promeneur.territories.through.objects.bulk_create(
        Promeneur.territories.through(promeneur=p, territory=territories[i % 4]) for i, p in enumerate(promeneurs)
    )
    Promeneur.themes.through.objects.bulk_create(
        Promeneur.themes.through(promeneur=p, theme=t) for p in promeneurs for t in themes
    )
    SocialProfile.objects.bulk_create(
        SocialProfile(promeneur=p, network=network, profile_name=f"{p.slug}-{network}", sort_order=order)
        for p in promeneurs
        for order, network in enumerate(("instagram", "discord"))
    )
    Relay.objects.bulk_create(
        Relay(
            organisation=f"Relais {i}",
            domain=Relay.Domain.values[i % len(Relay.Domain.values)],
            territory=territories[i % 4] if i % 3 else None,
            is_public=bool(i % 2),
            phone="04 68 00 00 00",
        )
        for i in range(size)
    )


def count_queries(client, address):
    client.get(address)  # first visit creates the photos' renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200, address
    return len(queries)


@pytest.mark.parametrize(("role", "address"), PAGES)
def test_same_number_of_queries_with_5_and_300_promeneurs(client_as, role, address):
    populate(5)
    small = count_queries(client_as(role), address)
    Promeneur.objects.exclude(user__isnull=False).delete()
    Relay.objects.filter(organisation__startswith="Relais ").delete()
    Structure.objects.filter(name__startswith="Employeur ").delete()
    Territory.objects.filter(name__startswith="Zone ").delete()
    populate(300)
    assert Promeneur.objects.count() > 300
    large = count_queries(client_as(role), address)
    assert small == large, f"{address}: {small} queries with 5 promeneurs, {large} with 300"
    assert large <= 15, f"{address}: {large} queries"
