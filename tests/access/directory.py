"""Addresses of the directory (issue 3): public directory, members' directory, relays,
my profile and its data download, the admin's listings, exports and actions.

The public rows also prove that no promeneur's e-mail or phone reaches a public page.
"""

from network.directory.models import Promeneur, Theme
from tests.access import ROLES, Post, coordination_admin, everyone, hidden, in_space, members_only, snippet_rows
from tests.factories import PromeneurFactory, RelayFactory, SocialProfileFactory, StructureFactory, TerritoryFactory
from tests.test_directory_profile import form_data

PUBLIC_NAME = "Ombeline Vaquer"
PUBLIC_EMAIL = "ombeline.vaquer@structure-test.fr"
PUBLIC_PHONE = "06 71 72 73 74"
HIDDEN_NAME = "Sidonie Carbasse"
HIDDEN_EMAIL = "sidonie.carbasse@structure-test.fr"
PUBLIC_RELAY = "Écoute Canigou"
MEMBERS_RELAY = "Cellule Aspres réservée"


def hides_everywhere(text):
    return everyone(f"hides:{text}")


def promeneur_state(name):
    def snapshot(objects):
        promeneurs = Promeneur.objects.filter(pk=objects[name])
        fields = ("first_name", "last_name", "email", "phone", "presentation", "slug", "reviewed_at", "anonymised_at")
        return promeneurs.values_list(*fields).get()

    return snapshot


# The profile page edits the record of the member who posts, whatever id is posted with it:
# the promeneur's own changes, another's never; the coordination has no record to edit.
PROFILE_POST = {**in_space("302"), "coordination": "200"}
ANOTHERS_ID = {"pk": "{public_pk}", "id": "{public_pk}", "promeneur": "{public_pk}"}


PUBLIC_PAGES = [
    "/",
    "/annuaire/",
    "/annuaire/?territoire=vallee-de-la-tet&reseau=snapchat",
    "/annuaire/?q=Vaquer",
    "/annuaire/ombeline-vaquer/",
    "/annuaire/structure/mjc-de-la-tet/",
    "/annuaire/relais/",
    "/recherche/?q=Vaquer",
    "/sitemap.xml",
]

ROWS = [
    # Public directory: everyone, and only opted-in active promeneurs
    ("/annuaire/", everyone(f"shows:{PUBLIC_NAME}")),
    ("/annuaire/", everyone(f"hides:{HIDDEN_NAME}")),
    ("/annuaire/?territoire=vallee-de-la-tet&reseau=snapchat", everyone(f"shows:{PUBLIC_NAME}")),
    ("/annuaire/?territoire=inconnu&reseau=inconnu&theme=inconnu&page=999", everyone("200")),
    ("/annuaire/ombeline-vaquer/", everyone(f"shows:{PUBLIC_NAME}")),
    ("/annuaire/sidonie-carbasse/", everyone("404")),
    ("/annuaire/structure/mjc-de-la-tet/", everyone(f"shows:{PUBLIC_NAME}")),
    ("/annuaire/structure/mjc-de-la-tet/", everyone(f"hides:{HIDDEN_NAME}")),
    ("/annuaire/structure/inconnue/", everyone("404")),
    ("/annuaire/relais/", everyone(f"shows:{PUBLIC_RELAY}")),
    ("/annuaire/relais/", everyone(f"hides:{MEMBERS_RELAY}")),
    ("/", everyone('shows:href="/annuaire/"')),
    # E-mail and phone never on a public page, whoever asks
    *[(address, hides_everywhere(PUBLIC_EMAIL)) for address in PUBLIC_PAGES],
    *[(address, hides_everywhere(PUBLIC_PHONE)) for address in PUBLIC_PAGES],
    *[(address, hides_everywhere(PUBLIC_PHONE.replace(" ", ""))) for address in PUBLIC_PAGES],
    *[(address, hides_everywhere(HIDDEN_EMAIL)) for address in PUBLIC_PAGES],
    # The sitemap lists the public sheet of a promeneur who agreed, never another one (issue 16).
    ("/sitemap.xml", everyone("shows:/annuaire/ombeline-vaquer/")),
    ("/sitemap.xml", everyone("hides:/annuaire/sidonie-carbasse/")),
    # Members' directory and relays: promeneurs and coordination, with contacts
    ("/espace/annuaire/", members_only(ok=f"shows:{PUBLIC_EMAIL}")),
    ("/espace/annuaire/", members_only(ok=f"shows:{HIDDEN_EMAIL}")),
    ("/espace/annuaire/?territoire=vallee-de-la-tet&reseau=snapchat", members_only(ok=f"shows:{PUBLIC_PHONE}")),
    ("/espace/relais/", members_only(ok=f"shows:{MEMBERS_RELAY}")),
    ("/espace/relais/?domaine=violences&territoire=vallee-de-la-tet", members_only()),
    # My profile and my data: each member's own
    ("/espace/mon-profil/", members_only()),
    ("/espace/mon-profil/", {**members_only(), "promeneur": "shows:Enregistrer mon profil"}),
    ("/espace/mon-profil/mes-donnees/", members_only()),
    (
        "/espace/mon-profil/",
        members_only(),
        Post(PROFILE_POST, promeneur_state("public_pk"), form_data(None, presentation="Pirate", **ANOTHERS_ID)),
    ),
    (
        "/espace/mon-profil/",
        members_only(),
        Post(PROFILE_POST, promeneur_state("own_pk"), form_data(None, presentation="Ma présentation"), ("promeneur",)),
    ),
    ("/espace/mon-profil/mes-donnees/", hidden(PUBLIC_EMAIL, within=members_only())),
    ("/espace/mon-profil/mes-donnees/", {**members_only(), "promeneur": 'shows:"identifiant": "promeneur"'}),
    # Admin: coordination only
    ("/admin/snippets/directory/relay/", coordination_admin()),
    ("/admin/snippets/directory/promeneur/?reseau=snapchat&territoire={territory_pk}", coordination_admin()),
    ("/admin/snippets/directory/promeneur/?export=csv", coordination_admin()),
    ("/admin/snippets/directory/promeneur/?export=xlsx", coordination_admin()),
    ("/admin/snippets/directory/structure/?export=csv", coordination_admin()),
    ("/admin/snippets/directory/structure/?export=xlsx", coordination_admin()),
    ("/admin/snippets/directory/relay/?export=csv", coordination_admin()),
    ("/admin/snippets/directory/territory/?export=xlsx", coordination_admin()),
    *snippet_rows("directory/promeneur", "{public_pk}"),
    *snippet_rows("directory/structure", "{structure_pk}"),
    *snippet_rows("directory/territory", "{territory_pk}"),
    *snippet_rows("directory/theme", "{theme_pk}"),
    *snippet_rows("directory/relay", "{relay_pk}"),
    ("/admin/annuaire/profils-modifies/", coordination_admin()),
    (
        "/admin/annuaire/profils-modifies/relus/",
        coordination_admin("405"),
        Post(coordination_admin("302"), promeneur_state("public_pk"), {"promeneur": "{public_pk}"}, ("coordination",)),
    ),
    (
        "/admin/annuaire/promeneurs/{public_pk}/anonymiser/",
        coordination_admin(),
        Post(coordination_admin("302"), promeneur_state("public_pk"), {}, ("coordination",)),
    ),
]

assert all(set(expected) == set(ROLES) for _, expected, *_post in ROWS)


def make_objects():
    territory = TerritoryFactory(name="Vallée de la Têt")
    structure = StructureFactory(name="MJC de la Têt", territory=territory)
    public = PromeneurFactory(
        user=None,
        first_name="Ombeline",
        last_name="Vaquer",
        email=PUBLIC_EMAIL,
        phone=PUBLIC_PHONE,
        structure=structure,
        public_listing=True,
        presentation="Animatrice à Prades.",
    )
    public.territories.add(territory)
    public.save()  # a ParentalManyToManyField is written on save
    SocialProfileFactory(promeneur=public, network="snapchat", profile_name="ombeline_pdn66", url="")
    PromeneurFactory(
        user=None,
        first_name="Sidonie",
        last_name="Carbasse",
        email=HIDDEN_EMAIL,
        structure=structure,
        public_listing=False,
    )
    relay = RelayFactory(organisation=PUBLIC_RELAY, is_public=True, domain="violences", territory=territory)
    RelayFactory(organisation=MEMBERS_RELAY, is_public=False, domain="radicalisation")
    return {
        "public_pk": public.pk,
        "own_pk": Promeneur.objects.get(user__username="promeneur").pk,
        "territory_pk": territory.pk,
        "structure_pk": structure.pk,
        "theme_pk": Theme.objects.create(name="Thème de la matrice", slug="theme-matrice").pk,
        "relay_pk": relay.pk,
    }
