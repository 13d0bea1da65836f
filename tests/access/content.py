"""Addresses of the shared space's content (issue 4): resources, watch, network news,
publications, feeds, search by type, and the member documents of a resource."""

from django.contrib.auth import get_user_model

from resources.library.feeds import FEEDS_PURPOSE
from tests.access import Post, coordination_admin, everyone, in_space, members_only, shown_to
from tests.factories import UserFactory, member_document, news_page, publication_page, resource_page, watch_page
from workspace.accounts.tokens import SecretToken

PRIVATE_RESOURCE = "Fiche interne Quetzalcoatl"
PRIVATE_WATCH = "Rapport repéré Ornithorynque"
PRIVATE_NEWS = "Nouvelle du réseau Brontosaure"
PUBLIC_NEWS = "Publication ouverte Colibri"
MEMBERS = {"promeneur", "coordination"}


def hidden_from_all(text):
    return everyone(f"hides:{text}")


def feed_key_of(username):
    def snapshot(objects):
        return SecretToken.objects.get(user__username=username, purpose=FEEDS_PURPOSE).key

    return snapshot


ROWS = [
    # Section pages and their children
    ("/espace/ressources/ficheinterne/", members_only(ok=f"shows:{PRIVATE_RESOURCE}")),
    ("/espace/ressources/?categorie=cadre-juridique", members_only(ok=f"shows:{PRIVATE_RESOURCE}")),
    ("/espace/ressources/?etiquette=quetzal", members_only(ok=f"shows:{PRIVATE_RESOURCE}")),
    ("/espace/veille/rapport/", members_only(ok=f"shows:{PRIVATE_WATCH}")),
    ("/espace/veille/?etiquette=quetzal", members_only(ok=f"shows:{PRIVATE_WATCH}")),
    ("/espace/actualites/nouvelle/", members_only(ok=f"shows:{PRIVATE_NEWS}")),
    ("/espace/", members_only(ok=f"shows:{PRIVATE_NEWS}")),  # featured news on the space's home
    ("/publications/", everyone(f"shows:{PUBLIC_NEWS}")),
    ("/publications/colibri/", everyone(f"shows:{PUBLIC_NEWS}")),
    ("/", everyone(f"shows:{PUBLIC_NEWS}")),  # featured publication on the home page
    ("/", hidden_from_all(PRIVATE_NEWS)),
    ("/", everyone('shows:href="/publications/"')),  # in the main menu
    # The member document used in a resource: served through Wagtail, collection checked
    ("{resource_document}", members_only()),
    ("{resource_document_file}", everyone("404")),
    # Feeds
    ("/publications/rss/", everyone(f"shows:{PUBLIC_NEWS}")),
    ("/publications/rss/", hidden_from_all(PRIVATE_NEWS)),
    ("/publications/rss/", hidden_from_all(PRIVATE_RESOURCE)),
    ("/espace/mes-flux/", members_only(ok="shows:Mes flux RSS")),
    # Renewing the feed addresses renews one's own, never another member's (whatever is posted).
    (
        "/espace/mes-flux/",
        members_only(),
        Post(in_space("302"), feed_key_of("lectrice-flux"), {"key": "{reader_key}", "user": "{reader}"}),
    ),
    ("/espace/mes-flux/", members_only(), Post(in_space("302"), feed_key_of("promeneur"), {}, ("promeneur",))),
    ("/flux/{promeneur_key}/", everyone(f"shows:{PRIVATE_NEWS}")),
    ("/flux/{promeneur_key}/veille/", everyone(f"shows:{PRIVATE_WATCH}")),
    ("/flux/{promeneur_key}/actualites/", everyone(f"shows:{PRIVATE_NEWS}")),
    ("/flux/{promeneur_key}/inconnu/", everyone("404")),
    ("/flux/cle-inventee-qui-nexiste-pas/", everyone("404")),
    ("/flux/cle-inventee-qui-nexiste-pas/actualites/", everyone("404")),
    ("/flux/{committee_key}/", everyone("404")),  # a committee member's key is no member's key
    # Search: private titles only for members, the type filter keeps the same rule
    ("/recherche/?q=Quetzalcoatl", shown_to(MEMBERS, PRIVATE_RESOURCE)),
    ("/recherche/?q=Ornithorynque&type=veille", shown_to(MEMBERS, PRIVATE_WATCH)),
    ("/recherche/?q=Brontosaure&type=actualites", shown_to(MEMBERS, PRIVATE_NEWS)),
    ("/recherche/?q=Colibri&type=publications", everyone(f"shows:{PUBLIC_NEWS}")),
    ("/recherche/?q=Colibri&type=inconnu", everyone("shows:Ce type de contenu n")),
    # Sitemap: public content in, private content out
    ("/sitemap.xml", everyone("shows:/publications/colibri/")),
    ("/sitemap.xml", hidden_from_all("/espace/ressources/ficheinterne/")),
    ("/sitemap.xml", hidden_from_all("/espace/actualites/nouvelle/")),
    # Admin: the new page types are edited by the coordination only
    ("/admin/pages/add/library/resourcepage/{resources_index_id}/", coordination_admin()),
    ("/admin/pages/add/library/watchpage/{watch_index_id}/", coordination_admin()),
    ("/admin/workflows/list/", coordination_admin()),
]


def make_objects():
    from django.conf import settings

    document = member_document("Support confidentiel", filename="support-quetzal.txt")
    resource = resource_page(
        PRIVATE_RESOURCE,
        slug="ficheinterne",
        category="cadre-juridique",
        tags=["quetzal"],
        body=[{"type": "document", "value": {"document": document.pk, "title": "Télécharger le support"}}],
    )
    watch_page(PRIVATE_WATCH, slug="rapport", tags=["quetzal"])
    news_page(PRIVATE_NEWS, slug="nouvelle", featured=True)
    publication_page(PUBLIC_NEWS, slug="colibri", featured=True)
    # The accounts of the ``users`` fixture (made here first if this runs first; their
    # passwords are left alone so that the fixture's logged-in sessions stay valid).
    User = get_user_model()
    promeneur, _ = User.objects.get_or_create(username="promeneur")
    committee_member, _ = User.objects.get_or_create(username="copil")
    reader = UserFactory(username="lectrice-flux", role="promeneur")
    return {
        "reader": reader.pk,
        "reader_key": SecretToken.for_user(reader, FEEDS_PURPOSE).key,
        "resource_document": document.url,
        "resource_document_file": settings.MEDIA_URL + document.file.name,
        "promeneur_key": SecretToken.for_user(promeneur, FEEDS_PURPOSE).key,
        "committee_key": SecretToken.for_user(committee_member, FEEDS_PURPOSE).key,
        "resources_index_id": resource.get_parent().pk,
        "watch_index_id": resource.get_parent().get_siblings().get(slug="veille").pk,
    }
