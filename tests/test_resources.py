"""Resource library, news watch, network news and publications: listings, filters,
related resources, featured items, bad input and query counts."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, PageViewRestriction
from wagtail.search.backends import get_search_backend

from network.events.models import TrainingMaterial, TrainingPage
from resources.library.models import NewsPage, PublicationPage, ResourcePage, WatchPage
from tests.factories import member_document, news_page, publication_page, resource_page, watch_page
from tests.pages import page_at, publish_child

pytestmark = pytest.mark.django_db


def body(response):
    return response.content.decode()


def restrict_to_coordination(page):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Coordination")])


# --- Resource library ---------------------------------------------------------------


def test_resource_index_filters_by_category_and_tag(client_as):
    resource_page("Droit à l'image des mineurs", category="cadre-juridique", tags=["droit", "image"])
    resource_page("Paramétrer un compte Instagram pro", category="technique-et-outils", tags=["instagram"])
    resource_page("Signalement et information préoccupante", category="cadre-juridique", tags=["protection"])
    client = client_as("promeneur")

    by_category = body(client.get("/espace/ressources/?categorie=cadre-juridique"))
    assert "Droit à l&#x27;image des mineurs" in by_category
    assert "Signalement et information préoccupante" in by_category
    assert "Paramétrer un compte Instagram pro" not in by_category
    assert "2 éléments correspondant aux filtres" in by_category

    by_tag = body(client.get("/espace/ressources/?etiquette=instagram"))
    assert "Paramétrer un compte Instagram pro" in by_tag
    assert "Droit à l&#x27;image" not in by_tag

    both = body(client.get("/espace/ressources/?categorie=cadre-juridique&etiquette=image"))
    assert "Droit à l&#x27;image des mineurs" in both
    assert "Signalement" not in both
    # The filter form offers the categories and the tags in use, the chosen ones selected
    assert '<option value="cadre-juridique" selected>Cadre juridique</option>' in both
    assert '<option value="image" selected>image</option>' in both


def test_resource_index_paginates_and_keeps_the_filters_in_the_links(client_as):
    for number in range(15):
        resource_page(f"Fiche numéro {number}", category="formation", date=datetime.date(2026, 1, 1 + number))
    client = client_as("promeneur")
    first = body(client.get("/espace/ressources/?categorie=formation"))
    assert "Page 1 sur 2" in first
    assert "Fiche numéro 14" in first  # newest first
    assert "Fiche numéro 2<" not in first
    assert 'href="?categorie=formation&amp;page=2"' in first
    second = body(client.get("/espace/ressources/?categorie=formation&page=2"))
    assert "Fiche numéro 2<" in second


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("categorie=nimporte-quoi", "Cette catégorie n&#x27;existe pas"),
        ("etiquette=etiquette-inconnue", "Cette étiquette n&#x27;existe pas"),
        ("page=999", "La page demandée n&#x27;existe pas : voici la page 1, la dernière."),
        ("page=abc", "Le numéro de page demandé n&#x27;est pas valide"),
        ("page=-3", "La page demandée n&#x27;existe pas"),
        # Up to 2,000 characters (beyond, MalformedInputMiddleware answers 400).
        ("categorie=" + "x" * 1900, "Cette catégorie n&#x27;existe pas"),
        ("etiquette=%3Cscript%3Ealert(1)%3C/script%3E", "Cette étiquette n&#x27;existe pas"),
        ("categorie=%27%3B+DROP+TABLE+wagtailcore_page%3B--", "Cette catégorie n&#x27;existe pas"),
    ],
)
def test_index_bad_input_gets_a_french_notice_and_the_full_list(client_as, query, notice):
    resource_page("Fiche toujours là", category="formation")
    for address in ("/espace/ressources/", "/espace/veille/", "/espace/actualites/", "/publications/"):
        response = client_as("promeneur").get(f"{address}?{query}")
        assert response.status_code == 200, address
        if "categorie" in query and address != "/espace/ressources/":
            continue  # only the library has categories: the parameter is ignored elsewhere
        assert notice in body(response), address
    assert "Fiche toujours là" in body(client_as("promeneur").get(f"/espace/ressources/?{query}"))
    assert "<script>alert(1)</script>" not in body(client_as("promeneur").get(f"/espace/ressources/?{query}"))


def test_related_resources_share_tags_first_then_category_and_respect_restrictions(client_as):
    resource = resource_page("Harcèlement en ligne", category="prevention-et-sante", tags=["harcelement", "ecole"])
    resource_page("Cyberharcèlement : repérer", category="cadre-juridique", tags=["harcelement", "ecole"])
    resource_page("Le 3018", category="technique-et-outils", tags=["harcelement"])
    resource_page("Santé mentale des 15-25 ans", category="prevention-et-sante")
    resource_page("Monter un projet vidéo", category="animation-et-projets", tags=["video"])
    secret = resource_page("Note interne coordination", category="prevention-et-sante", tags=["harcelement"])
    restrict_to_coordination(secret)

    assert [p.title for p in resource.related_resources(_user("promeneur"))] == [
        "Cyberharcèlement : repérer",
        "Le 3018",
        "Santé mentale des 15-25 ans",
    ]
    page = body(client_as("promeneur").get(resource.url))
    assert "Ressources liées" in page
    assert "Cyberharcèlement : repérer" in page
    assert "Monter un projet vidéo" not in page
    assert "Note interne coordination" not in page
    assert "Note interne coordination" in body(client_as("coordination").get(resource.url))


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def test_resource_page_shows_its_body_category_audience_and_tags(client_as):
    document = member_document("Support de formation RGPD", filename="support-rgpd.txt")
    resource = resource_page(
        "RGPD et permanences en ligne",
        category="cadre-juridique",
        audience="structures",
        tags=["rgpd"],
        intro="Ce que la structure doit savoir.",
        body=[
            {"type": "paragraph", "value": "<p>Les données des jeunes restent confidentielles.</p>"},
            {"type": "document", "value": {"document": document.pk, "title": "Télécharger le support"}},
            {"type": "quote", "value": {"text": "La confiance se construit.", "source": "Un promeneur"}},
        ],
    )
    page = body(client_as("promeneur").get(resource.url))
    assert "Cadre juridique" in page
    assert "Structures employeuses et référents" in page
    assert 'href="/espace/ressources/?etiquette=rgpd"' in page
    assert "Les données des jeunes restent confidentielles." in page
    assert f'href="{document.url}"' in page
    assert "La confiance se construit." in page


def assert_served_to_members_only(client_as, document):
    anonymous = client_as("anonymous").get(document.url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/connexion/?next=")
    assert client_as("pilotage").get(document.url).status_code == 403
    member = client_as("promeneur").get(document.url)
    assert member.status_code == 200
    assert b"".join(member.streaming_content) == b"Trame confidentielle"


def document_block(document):
    return [{"type": "document", "value": {"document": document.pk, "title": ""}}]


def test_member_document_of_a_resource_is_not_downloadable_anonymously(client_as):
    document = member_document("Trame d'entretien", content=b"Trame confidentielle", filename="trame.txt")
    resource_page("Trame", body=document_block(document))
    assert_served_to_members_only(client_as, document)


@pytest.mark.parametrize("used_by", ["resource", "training"])
def test_a_document_of_the_open_collection_used_only_in_the_space_is_the_members(client_as, used_by):
    """Uploaded in the root collection by mistake, a document put only in the members' space (a
    resource's body, a training's materials) is theirs all the same; a public page using it opens it."""
    document = member_document("Trame d'entretien", content=b"Trame confidentielle", filename="trame.txt")
    document.collection = Collection.get_first_root_node()
    document.save()
    if used_by == "resource":
        resource_page("Trame", body=document_block(document))
    else:
        training = TrainingPage(title="Formation à la trame", slug="trame")
        training.materials.add(TrainingMaterial(document=document))
        publish_child(page_at("/espace/formations/"), training)
    assert_served_to_members_only(client_as, document)
    # A public page's draft does not open it: its publication does.
    draft = PublicationPage(title="Trame publique", body=document_block(document), live=False)
    page_at("/publications/").add_child(instance=draft)
    draft.save_revision()
    assert_served_to_members_only(client_as, document)
    draft.get_latest_revision().publish()
    assert client_as("anonymous").get(document.url).status_code == 200


def test_a_document_of_the_open_collection_used_only_by_a_draft_opens_to_its_editors(client_as):
    """Nobody but those who may edit it in the admin opens a file that only a page not yet published
    uses (a member may not see a draft either)."""
    document = member_document("Programme", content=b"Programme en cours", filename="programme.txt")
    document.collection = Collection.get_first_root_node()
    document.save()
    draft = PublicationPage(title="Programme", body=document_block(document), live=False)
    page_at("/publications/").add_child(instance=draft)
    draft.save_revision()
    assert client_as("anonymous").get(document.url).status_code == 302
    assert client_as("promeneur").get(document.url).status_code == 403
    assert client_as("coordination").get(document.url).status_code == 200


# --- News watch -----------------------------------------------------------------------


def test_watch_item_needs_only_a_title_a_link_and_a_line_in_the_admin(client_as):
    client = client_as("coordination")
    index = page_at("/espace/veille/")
    response = client.post(
        f"/admin/pages/add/library/watchpage/{index.pk}/",
        {
            "title": "Rapport de la Défenseure des droits sur les écrans",
            "link": "https://example.org/rapport-ecrans",
            "commentary": "Un chapitre entier sur la présence éducative en ligne.",
            "slug": "",
            "date": "",
            "tags": "",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    item = WatchPage.objects.get(title="Rapport de la Défenseure des droits sur les écrans")
    assert item.live
    assert item.date == datetime.date.today()
    assert item.url == "/espace/veille/rapport-de-la-defenseure-des-droits-sur-les-ecrans/"
    listing = body(client_as("promeneur").get("/espace/veille/"))
    assert "Un chapitre entier sur la présence éducative en ligne." in listing


def test_watch_admin_form_keeps_the_input_and_explains_a_bad_link(client_as):
    index = page_at("/espace/veille/")
    response = client_as("coordination").post(
        f"/admin/pages/add/library/watchpage/{index.pk}/",
        {
            "title": "Article sans lien valide",
            "link": "pas une adresse",
            "commentary": "",
            "slug": "",
            "date": "",
            "tags": "",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 200
    page = body(response)
    assert "Saisissez une URL valide" in page
    assert "Article sans lien valide" in page
    assert not WatchPage.objects.filter(title="Article sans lien valide").exists()


def test_watch_page_links_to_the_source(client_as):
    item = watch_page("Étude sur les usages numériques des ados", link="https://example.org/etude", source="Credoc")
    page = body(client_as("promeneur").get(item.url))
    assert 'href="https://example.org/etude"' in page
    assert "Credoc" in page


# --- News and publications: featured items -----------------------------------------------


def test_home_page_features_the_latest_featured_public_publication(client):
    publication_page("Publication ancienne à la une", featured=True, date=datetime.date(2025, 5, 1))
    publication_page("Publication récente", date=datetime.date(2026, 6, 1))
    publication_page("Publication à la une", featured=True, date=datetime.date(2026, 3, 1))
    news_page("Actualité interne à la une", featured=True)
    page = body(client.get("/"))
    featured = page.split('id="featured-title"')[1]
    assert "Publication à la une" in featured
    assert "Actualité interne" not in page
    assert 'href="/publications/"' in featured


def test_space_home_features_the_news_the_member_may_see(client_as):
    news_page("Rencontre départementale du 12 mars", featured=True, date=datetime.date(2026, 2, 1))
    secret = news_page("Note de la coordination", featured=True, date=datetime.date(2026, 2, 10))
    restrict_to_coordination(secret)
    assert "Rencontre départementale du 12 mars" in body(client_as("promeneur").get("/espace/"))
    assert "Note de la coordination" not in body(client_as("promeneur").get("/espace/"))
    assert "Note de la coordination" in body(client_as("coordination").get("/espace/"))


def test_without_any_publication_the_home_page_has_no_featured_block(client):
    assert 'id="featured-title"' not in body(client.get("/"))


def test_publications_index_is_public_and_links_its_feed(client):
    publication_page("Le réseau fête ses cinq ans", tags=["anniversaire"])
    page = body(client.get("/publications/"))
    assert "Le réseau fête ses cinq ans" in page
    assert 'type="application/rss+xml"' in page
    assert 'href="/publications/rss/"' in page


# --- Query counts ------------------------------------------------------------------------


def _bulk(model, parent_url, count, start=0, **fields):
    """``count`` live pages in several tags (and categories), indexed for search in one
    batch (the backend's per-page update recomputes a table-wide norm: slow in numbers)."""
    parent = page_at(parent_url)
    tags = ["droit", "outils", "sante", "projet", "ecoute"]
    pages = []
    no_auto_update = {"default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}}
    with override_settings(WAGTAILSEARCH_BACKENDS=no_auto_update):
        for number in range(start, start + count):
            page = model(title=f"{model._meta.verbose_name} {number}", slug=f"element-{number}", **fields)
            page.tags.add(tags[number % len(tags)])
            if model is ResourcePage:
                page.category = ["cadre-juridique", "formation", "technique-et-outils"][number % 3]
            pages.append(parent.add_child(instance=page))
    get_search_backend().add_bulk(model, pages)


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


SEARCH = "/recherche/?q=permanences"
LISTINGS = [
    (
        ResourcePage,
        "/espace/ressources/",
        {"intro": "Fiche pratique pour les permanences en ligne."},
        [
            "/espace/ressources/",
            "/espace/ressources/?categorie=formation&etiquette=outils",
            "/espace/ressources/element-1/",  # related resources
            SEARCH,
            SEARCH + "&type=ressources",
            SEARCH + "&type=ressources&page=2",  # the other record kinds come on the first page only
        ],
    ),
    (
        WatchPage,
        "/espace/veille/",
        {"link": "https://example.org/a", "commentary": "Une étude sur les permanences."},
        ["/espace/veille/", "/espace/veille/?etiquette=outils", SEARCH + "&type=veille"],
    ),
    (NewsPage, "/espace/actualites/", {}, ["/espace/actualites/", "/espace/actualites/?etiquette=droit", "/espace/"]),
    (PublicationPage, "/publications/", {}, ["/publications/", "/publications/rss/", "/"]),
]


@pytest.mark.parametrize(("model", "parent_url", "fields", "urls"), LISTINGS, ids=[row[1] for row in LISTINGS])
def test_listing_query_count_is_the_same_with_10_and_120_pages(client_as, model, parent_url, fields, urls):
    """Indexes, filters, related resources, search, feeds and featured items cost as many
    queries with 120 pages (ten pages of a listing or of search results) as with 10 (pages are in
    several categories and tags). Larger sizes are scripts/bench_*.py's."""
    client = client_as("promeneur")
    _bulk(model, parent_url, 10, **fields)
    for url in urls:
        client.get(url)  # warm the caches (site root paths, settings)
    small = {url: _queries(client, url) for url in urls}
    _bulk(model, parent_url, 110, start=10, **fields)
    large = {url: _queries(client, url) for url in urls}
    assert small == large
    if SEARCH in urls:
        assert "120 résultats pour « permanences »" in client.get(SEARCH).content.decode()
