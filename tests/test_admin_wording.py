"""The admin's listings say their model's name in proper French (workspace/admin_wording.py): Wagtail's
and wagtail-modeladmin's generic sentences ("Ajouter un(e) Événement", "15 Événements", "Aucun(e)
Grilles d'activité ne correspond à votre requête", "Aucun Conventions n'a été créé(e)") never show."""

import re

import pytest
from django.utils import timezone

from network.coordination.models import CommitteePage, Meeting
from tests import matrix_coverage
from tests.factories import EventFactory
from workspace.display import FEMININE, Noun

pytestmark = pytest.mark.django_db

GENERIC = re.compile(r"un\(e\)|Aucun\(e\)|ce\(tte\)|créé\(e\)|Nouvel\(le\)|Il n'y a pas de [A-ZÉ]")


def our_listings():
    """Every listing of ours: the index of each snippet / ModelViewSet and of each ModelAdmin."""
    names = matrix_coverage.our_url_patterns().items()
    listings = (":index", ":list", "_modeladmin_index")
    return sorted("/" + route.strip("^$") for route, name in names if (name or "").endswith(listings))


def test_every_listing_of_ours_is_found():
    listings = our_listings()
    for address in ("/admin/snippets/events/event/", "/admin/activite/grilles/", "/admin/coordination/convention/"):
        assert address in listings
    assert len(listings) >= 20


@pytest.mark.parametrize("query", ["", "?q=zzzz-introuvable"])
def test_no_listing_of_ours_uses_the_generic_wording(client_as, query):
    client = client_as("coordination")
    wrong = {}
    for address in our_listings():
        response = client.get(address + query)
        assert response.status_code == 200, address
        found = GENERIC.findall(response.content.decode())
        if found:
            wrong[address] = found
    assert wrong == {}


def texts(body):
    return " ".join(re.sub(r"<[^>]+>", " ", body).replace("&#x27;", "'").split())


def test_a_snippet_listing_reads_french(client_as):
    client = client_as("coordination")
    body = texts(client.get("/admin/snippets/events/event/").content.decode())
    assert "Ajouter un événement" in body
    assert "Aucun événement pour l'instant. Pourquoi ne pas en ajouter un ?" in body
    EventFactory.create_batch(2)
    assert "2 événements" in texts(client.get("/admin/snippets/events/event/").content.decode())
    body = texts(client.get("/admin/snippets/exchanges/faqentry/?q=zzzz").content.decode())
    assert "Aucune entrée de FAQ ne correspond à votre requête." in body


def test_a_model_viewset_listing_reads_french(client_as):
    body = texts(client_as("coordination").get("/admin/activite/grilles/?support=non").content.decode())
    assert "Aucune grille d'activité ne correspond à votre requête." in body


def test_a_modeladmin_listing_reads_french(client_as):
    client = client_as("coordination")
    body = texts(client.get("/admin/coordination/convention/").content.decode())
    assert "Ajouter une convention" in body
    assert "Aucune convention pour l'instant. Pourquoi ne pas en ajouter une ?" in body
    assert "Ajouter un bilan individuel" in texts(client.get("/admin/coordination/individualreview/").content.decode())
    body = texts(client.get("/admin/coordination/onboardingstep/?q=zzzz").content.decode())
    assert "Aucune étape d'accueil ne correspond à votre requête." in body
    title = texts(client.get("/admin/coordination/convention/create/").content.decode())
    assert "Nouvelle convention" in title and "un(e)" not in title


def test_a_snippet_creation_form_says_new_in_french(client_as):
    body = texts(client_as("coordination").get("/admin/snippets/events/event/add/").content.decode())
    assert "Nouvel événement" in body and "Nouvel(le)" not in body


def test_a_noun_agrees():
    convention = Noun("Convention", "Conventions", FEMININE)
    assert (convention.one(), convention.none(), convention.new()) == (
        "une convention",
        "aucune convention",
        "nouvelle convention",
    )
    event = Noun("Événement", "Événements")
    assert (event.one(), event.new(), event.count(1), event.count(15)) == (
        "un événement",
        "nouvel événement",
        "1 événement",
        "15 événements",
    )
    assert Noun("Territoire", "Territoires").new() == "nouveau territoire"
    assert Noun("Entrée de FAQ", "Entrées de FAQ", FEMININE).one() == "une entrée de FAQ"


def test_a_noun_takes_its_article():
    review = Noun("Bilan individuel", "Bilans individuels")
    convention = Noun("Convention", "Conventions", FEMININE)
    event = Noun("Événement", "Événements")
    step = Noun("Étape d'accueil", "Étapes d'accueil", FEMININE)
    assert [noun.the() for noun in (review, convention, event, step)] == [
        "le bilan individuel",
        "la convention",
        "l'événement",
        "l'étape d'accueil",
    ]
    assert [noun.of_the() for noun in (review, convention, event, step)] == [
        "du bilan individuel",
        "de la convention",
        "de l'événement",
        "de l'étape d'accueil",
    ]
    assert [noun.this() for noun in (review, convention, event, step)] == [
        "ce bilan individuel",
        "cette convention",
        "cet événement",
        "cette étape d'accueil",
    ]


# Wagtail's and wagtail-modeladmin's generic titles of a record's pages, which our wording replaces.
GENERIC_RECORD = re.compile(
    r"Modification(?: de|:| )|Supprimer: |Historique: |Utilisation: |Inspection |Confirmer la suppression de "
    r"|ce\(tte\)|ce/cette|Le\(la\)"
)


HEADERS = r"<title>(.*?)</title>|<h1[^>]*>(.*?)</h1>|<nav[^>]*\"Fil d'Ariane\"[^>]*>(.*?)</nav>"


def header_texts(body):
    """The page's <title>, its <h1>s and its breadcrumbs, as read."""
    parts = re.findall(HEADERS, body, re.S)
    return [texts(part) for groups in parts for part in groups if part]


def record_pages():
    """(address, what its title and header read) for records of both genders, elided or not, on
    snippets, a ModelViewSet and wagtail-modeladmin."""
    from network.coordination.models import IndividualReview, OnboardingStep
    from tests.factories import ActivityGridFactory, PromeneurFactory, TerritoryFactory
    from tests.test_committees import meeting
    from tests.test_coordination_conventions import make_convention

    event = EventFactory(title="Rencontre départementale")
    territory = TerritoryFactory(name="Vallespir")
    meeting_ = meeting("pilotage")
    grid = ActivityGridFactory()
    convention = make_convention(reference="CONV-2026-01")
    review = IndividualReview.objects.create(promeneur=PromeneurFactory())
    step = OnboardingStep.objects.order_by("pk").first()
    return [
        (f"/admin/snippets/events/event/edit/{event.pk}/", f"Modifier l'événement « {event} »"),
        (f"/admin/snippets/events/event/delete/{event.pk}/", f"Supprimer l'événement « {event} »"),
        (f"/admin/snippets/events/event/history/{event.pk}/", f"Historique de l'événement « {event} »"),
        (f"/admin/snippets/events/event/usage/{event.pk}/", f"Utilisation de l'événement « {event} »"),
        (f"/admin/snippets/directory/territory/edit/{territory.pk}/", f"Modifier le territoire « {territory} »"),
        (f"/admin/snippets/directory/territory/delete/{territory.pk}/", f"Supprimer le territoire « {territory} »"),
        (f"/admin/snippets/coordination/meeting/edit/{meeting_.pk}/", f"Modifier la réunion de comité « {meeting_} »"),
        (f"/admin/snippets/coordination/meeting/history/{meeting_.pk}/", "Historique de la réunion de comité « "),
        (f"/admin/activite/grilles/inspect/{grid.pk}/", f"Inspecter la grille d'activité « {grid} »"),
        (f"/admin/coordination/convention/edit/{convention.pk}/", f"Modifier la convention « {convention} »"),
        (f"/admin/coordination/convention/delete/{convention.pk}/", f"Supprimer la convention « {convention} »"),
        (f"/admin/coordination/convention/inspect/{convention.pk}/", f"Inspecter la convention « {convention} »"),
        (f"/admin/coordination/convention/history/{convention.pk}/", f"Historique de la convention « {convention} »"),
        (f"/admin/coordination/individualreview/edit/{review.pk}/", f"Modifier le bilan individuel « {review} »"),
        (f"/admin/coordination/onboardingstep/delete/{step.pk}/", f"Supprimer l'étape d'accueil « {step} »"),
    ]


def test_a_records_pages_are_titled_in_french_with_its_article(client_as):
    client = client_as("coordination")
    wrong = {}
    for address, heading in record_pages():
        response = client.get(address)
        assert response.status_code == 200, address
        shown = header_texts(response.content.decode())
        title = shown[0]
        if not title.startswith(heading) or GENERIC_RECORD.search(" | ".join(shown)):
            wrong[address] = shown
    assert wrong == {}


def test_a_records_history_crumb_names_the_page(client_as):
    event = EventFactory(title="Rencontre départementale")
    body = client_as("coordination").get(f"/admin/snippets/events/event/history/{event.pk}/").content.decode()
    (crumbs,) = [part for part in header_texts(body) if part.startswith("Accueil")]
    assert crumbs.endswith(f"{event} Historique de l'événement : {event}")


def test_a_deletion_asks_in_french(client_as):
    from tests.test_coordination_conventions import make_convention

    client = client_as("coordination")
    event = EventFactory(title="Rencontre départementale")
    body = texts(client.get(f"/admin/snippets/events/event/delete/{event.pk}/").content.decode())
    assert "Voulez-vous vraiment supprimer cet événement ?" in body
    convention = make_convention()
    body = texts(client.get(f"/admin/coordination/convention/delete/{convention.pk}/").content.decode())
    assert "Voulez-vous vraiment supprimer cette convention ?" in body


def test_a_modeladmin_record_reads_french_when_inspected_saved_and_deleted(client_as):
    """A coordination record's own screens: « Retourner à la liste des candidatures », « Candidature
    « … » modifiée. », never « de Candidature », « ce/cette », « créé(e) » nor « Le/la »."""
    from network.coordination.models import Application, IndividualReview
    from tests.factories import PromeneurFactory

    generic = re.compile(r"ce/cette|sûr\(e\)|\(e\)|Le/la|liste de [A-ZÉ]")
    application = Application.objects.create(
        structure_name="MJC de Prades",
        address="1 rue",
        town="Prades",
        contact_first_name="Manon",
        contact_last_name="Vidal",
        contact_role="Animatrice",
        contact_email="m@example.org",
        contact_phone="04 68 00 00 00",
        professionals_count=1,
        networks=["instagram"],
        motivation="Oui.",
    )
    client = client_as("coordination")

    inspect = texts(client.get(f"/admin/coordination/application/inspect/{application.pk}/").content.decode())
    assert "Retourner à la liste des candidatures" in inspect and not generic.search(inspect)

    edit_url = f"/admin/coordination/application/edit/{application.pk}/"
    form = client.get(edit_url)
    data = {**{f: getattr(application, f) for f in Application.IDENTITY_FIELDS}, "networks": ["instagram"]}
    data.update(
        motivation="Oui.", status="recue", notes="", received_at=application.received_at.strftime("%Y-%m-%d %H:%M")
    )
    assert form.status_code == 200
    saved = texts(client.post(edit_url, data, follow=True).content.decode())
    assert "Candidature « MJC de Prades (Prades) » modifiée." in saved and not generic.search(saved)
    refused = texts(client.post(edit_url, {**data, "contact_email": "pas-une-adresse"}).content.decode())
    assert "Cette candidature n'a pas pu être enregistrée" in refused and not generic.search(refused)

    promeneur = PromeneurFactory()
    created = texts(
        client.post(
            "/admin/coordination/individualreview/create/",
            {"promeneur": promeneur.pk, "date": "2026-11-02", "kind": "bilan_regulier", "objectives": "", "notes": ""},
            follow=True,
        ).content.decode()
    )
    review = IndividualReview.objects.get()
    assert f"Bilan individuel « {review} » créé." in created and not generic.search(created)

    delete_url = f"/admin/coordination/individualreview/delete/{review.pk}/"
    confirm = texts(client.get(delete_url).content.decode())
    assert "supprimer ce bilan individuel" in confirm and not generic.search(confirm)
    deleted = texts(client.post(delete_url, follow=True).content.decode())
    assert f"Bilan individuel « {review} » supprimé." in deleted and not generic.search(deleted)


GENERIC_MESSAGE = re.compile(r"\(e\)|Le\(la\)")


def messages_of(response):
    """The messages over an admin page (saved, refused, deleted), as read."""
    body = response.content.decode()
    return texts(" ".join(re.findall(r'<div class="messages".*?</div>', body, re.S)))


def test_a_snippets_messages_read_french(client_as):
    """Wagtail writes « Événement « … » modifié(e). » and « Le(la) Événement n'a pas pu être
    enregistré(e) »: the snippets and viewsets say it with the noun's gender and article."""
    from tests.test_admin_bad_input import read_forms

    client = client_as("coordination")
    event = EventFactory(title="Rencontre départementale")
    address = f"/admin/snippets/events/event/edit/{event.pk}/"
    (form,) = [f for f in read_forms(client.get(address).content.decode()) if "title" in f["fields"]]
    values = dict(form["values"])
    saved = messages_of(client.post(address, values, follow=True))
    assert f"Événement « {event} » modifié." in saved and not GENERIC_MESSAGE.search(saved)
    refused = messages_of(client.post(address, {**values, "title": ""}))
    assert "Cet événement n'a pas pu être enregistré : corrigez les erreurs ci-dessous." in refused
    assert not GENERIC_MESSAGE.search(refused)

    territory = {"name": "Vallespir", "kind": "epci", "code": ""}
    created = messages_of(client.post("/admin/snippets/directory/territory/add/", territory, follow=True))
    assert "Territoire « Vallespir » créé." in created and not GENERIC_MESSAGE.search(created)

    deleted = messages_of(client.post(f"/admin/snippets/events/event/delete/{event.pk}/", follow=True))
    assert f"Événement « {event} » supprimé." in deleted and not GENERIC_MESSAGE.search(deleted)


def test_an_inline_panel_adds_its_rows_in_french(client_as):
    client = client_as("coordination")
    meeting = texts(client.get("/admin/snippets/coordination/meeting/add/").content.decode())
    assert "Ajouter un document de réunion" in meeting and "Ajouter une décision" in meeting
    promeneur = texts(client.get("/admin/snippets/directory/promeneur/add/").content.decode())
    assert "Ajouter un profil sur un réseau social" in promeneur
    assert not GENERIC.findall(meeting + promeneur)


def test_a_records_history_and_deletion_pages_read_french(client_as):
    event = EventFactory()
    client = client_as("coordination")
    history = texts(client.get(f"/admin/snippets/events/event/history/{event.pk}/").content.decode())
    assert "Aucune modification n'est enregistrée pour l'instant." in history and "pas de entrées" not in history
    deletion = texts(client.get(f"/admin/snippets/events/event/delete/{event.pk}/").content.decode())
    assert "0 référence à cet élément ailleurs dans le site" in deletion
    assert not GENERIC.findall(history + deletion)


def test_the_meetings_listing_counts_meetings_of_a_committee(client_as):
    for committee in CommitteePage.objects.all()[:2]:
        Meeting.objects.create(committee=committee, starts_at=timezone.now())
    body = texts(client_as("coordination").get("/admin/snippets/coordination/meeting/").content.decode())
    assert "2 réunions de comité" in body and "réunions des comités" not in body


def test_the_help_menu_keeps_the_shortcuts_and_no_english_page_of_wagtail(client_as):
    body = client_as("coordination").get("/admin/").content.decode()
    menu = body.split('id="wagtail-sidebar-props"')[1].split("</script>")[0]
    assert "keyboard-shortcuts-trigger" in menu
    assert "editor-guide" not in menu and "whats-new-in-wagtail" not in menu
