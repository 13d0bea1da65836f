"""The coordinator publishes a resource with a member document in the admin; a
promeneur finds it by a word of its body and downloads the document; an anonymous
visitor cannot."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from wagtail.documents.models import Document
from wagtail.models import Collection

from resources.library.models import ResourcePage
from tests.browser.conftest import admin_log_in, log_in
from tests.factories import UserFactory
from tests.pages import page_at

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORD = "Zanzibarisation"
CONTENT = b"Support de formation reserve aux promeneurs"


def test_resource_with_a_member_document_from_admin_to_promeneur(browser_page, chromium, live_server, tmp_path):
    UserFactory(username="coord", role="coordination")
    UserFactory(username="lucie", role="promeneur")
    index = page_at("/espace/ressources/")
    upload = tmp_path / "support-formation.txt"
    upload.write_bytes(CONTENT)
    page = browser_page

    # 1. The coordinator uploads the document into the members' collection
    admin_log_in(page, "coord")
    page.goto("/admin/documents/add/")
    page.locator("#id_title").fill("Support de formation réservé")
    page.locator("#id_file").set_input_files(str(upload))
    members_collection = Collection.objects.get(name="Documents des membres")
    page.locator("#id_collection").select_option(str(members_collection.pk))
    page.locator('form[enctype="multipart/form-data"] button[type=submit]').click()
    expect(page.locator(".messages")).to_contain_text("Support de formation réservé")
    document = Document.objects.get(title="Support de formation réservé")
    assert document.collection.name == "Documents des membres"

    # 2. ... then writes a resource whose body holds a paragraph and that document, and publishes it
    page.goto(f"/admin/pages/add/library/resourcepage/{index.pk}/")
    page.locator("#id_title").fill("Atelier éducation aux médias")
    page.locator("#id_intro").fill("Le support de l'atelier.")
    page.locator("#id_category").select_option("formation")
    body = page.locator("[data-contentpath=body]")
    body.get_by_role("button", name=re.compile("Insérer un bloc")).first.click()
    page.get_by_role("option", name="Texte").click()
    editor = body.locator("[contenteditable=true]").first
    editor.click()
    editor.type(f"La {WORD} des contenus expliquée aux promeneurs.")
    body.get_by_role("button", name=re.compile("Insérer un bloc")).last.click()
    page.get_by_role("option", name="Document").click()
    body.get_by_role("button", name=re.compile("Choisir un document")).click()
    modal = page.locator(".modal")
    modal.get_by_role("link", name="Support de formation réservé").click()
    expect(modal).to_be_hidden()
    page.get_by_role("button", name=re.compile("Plus d.actions")).last.click()
    page.locator("button[name=action-publish]").click()
    expect(page.locator(".messages")).to_contain_text("publiée")
    resource = ResourcePage.objects.live().get(title="Atelier éducation aux médias")
    assert resource.body[1].value["document"].pk == document.pk

    # 3. A promeneur finds it by a word of its body and downloads the document
    member = chromium.new_context(base_url=live_server.url, locale="fr-FR").new_page()
    log_in(member, "lucie", next_url="/recherche/")
    member.get_by_label("Mots recherchés").fill(WORD)
    member.get_by_role("button", name="Rechercher").click()
    member.get_by_role("link", name="Atelier éducation aux médias").click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Atelier éducation aux médias")
    with member.expect_download() as download_info:
        member.get_by_role("link", name="Support de formation réservé").click()
    assert Path(download_info.value.path()).read_bytes() == CONTENT
    member.context.close()

    # 4. An anonymous visitor neither finds it nor downloads the document
    anonymous = chromium.new_context(base_url=live_server.url, locale="fr-FR").new_page()
    anonymous.goto(f"/recherche/?q={WORD}")
    expect(anonymous.get_by_role("main")).to_contain_text("Aucun résultat")
    anonymous.goto(document.url)
    expect(anonymous).to_have_url(re.compile(r"/connexion/\?next="))
    response = anonymous.context.request.get(document.url, max_redirects=0)
    assert response.status == 302
    assert CONTENT not in response.body()
    anonymous.context.close()


def test_space_content_pages_have_no_wcag_violation(browser_page):
    from tests.browser.test_accessibility import assert_no_violation
    from tests.factories import news_page, publication_page, resource_page, watch_page

    UserFactory(username="lucie", role="promeneur")
    resource_page("Droit à l'image", slug="droit-image", category="cadre-juridique", tags=["droit"], intro="Repères.")
    resource_page("Le 3018", category="cadre-juridique", tags=["droit"])
    watch_page("Rapport sur les écrans", tags=["écrans"], source="Inserm")
    news_page("Rencontre départementale", featured=True)
    publication_page("Le réseau fête ses cinq ans", slug="cinq-ans", featured=True)
    page = browser_page
    for address in ("/publications/", "/publications/cinq-ans/"):
        page.goto(address)
        assert_no_violation(page)
    log_in(page, "lucie")
    page.wait_for_url("**/espace/")
    for address in (
        "/espace/",
        "/espace/ressources/?categorie=cadre-juridique&page=7",
        "/espace/ressources/droit-image/",
        "/espace/veille/",
        "/espace/actualites/",
        "/espace/mes-flux/",
        "/recherche/?q=droit&type=ressources",
    ):
        page.goto(address)
        assert_no_violation(page)
