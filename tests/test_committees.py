"""The committees' secretariat (governance issue, item 2) and the committee member's landing
(everyday-use issue, item 3): meetings, documents, minutes and decisions seen by that committee
only; one e-mail per member when the coordinator publishes; each role's landing after login; the
403 page that says where to go."""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from network.coordination.models import CommitteePage, Decision, Meeting, MeetingDocument
from network.coordination.models.committees import committee_collection
from network.coordination.secretariat import publish
from tests.factories import PASSWORD, UserFactory
from workspace.display import french_date

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "promeneur", "coordination", "pilotage", "financeurs", "technique")
COMMITTEE_OF_ROLE = {"pilotage": "pilotage", "financeurs": "financeurs", "technique": "technique"}


def committee(slug):
    return CommitteePage.objects.get(slug=slug)


def at(days, hour=14):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def meeting(slug, days=10, **fields):
    fields.setdefault("agenda", "<p>Point unique</p>")
    return Meeting.objects.create(committee=committee(slug), title=f"Réunion {slug}", starts_at=at(days), **fields)


def committee_document(slug, title):
    document = Document(title=title, collection=committee_collection(committee(slug).committee_group))
    document.file.save("piece.txt", ContentFile(b"Piece du comite"), save=True)
    return document


def admin_form(meeting, action=None, minutes="<p>Compte rendu : tout est dit.</p>"):
    data = nested_form_data(
        {
            "committee": meeting.committee_id,
            "title": meeting.title,
            "starts_at": timezone.localtime(meeting.starts_at).strftime("%Y-%m-%d %H:%M"),
            "place": "Perpignan",
            "agenda": rich_text(meeting.agenda),
            "minutes": rich_text(minutes),
            "documents": inline_formset([]),
            "decisions": inline_formset([]),
        }
    )
    if action:
        data[action] = ""
    return data


# Publishing tells the committee's members once, with the link and no file


def test_publishing_the_minutes_emails_that_committees_members_once_with_the_link(client_as, users):
    colleague = UserFactory(username="copil2", role="pilotage")
    UserFactory(username="copil-parti", role="pilotage", is_active=False)
    UserFactory(username="copil-sans-adresse", role="pilotage", email="")
    held = meeting("pilotage", days=-3)
    MeetingDocument.objects.create(meeting=held, document=committee_document("pilotage", "Budget confidentiel"))
    client = client_as("coordination")
    url = f"/admin/snippets/coordination/meeting/edit/{held.pk}/"

    response = client.post(url, admin_form(held, "action-publish-minutes"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert sorted(email.to[0] for email in mail.outbox) == sorted([users["pilotage"].email, colleague.email])
    for email in mail.outbox:
        assert len(email.to) == 1
        assert email.attachments == []
        assert f"http://testserver/comites/pilotage/reunions/{held.pk}/" in email.body
        assert "compte rendu" in email.subject.lower()
    held.refresh_from_db()
    assert held.minutes_published_at and held.minutes_sent_at

    # Saving again, publishing again: nothing more.
    sent_at = held.minutes_sent_at
    client.post(url, admin_form(held))
    client.post(url, admin_form(held, "action-publish-minutes", minutes="<p>Compte rendu corrigé.</p>"))
    assert len(mail.outbox) == 2
    held.refresh_from_db()
    assert held.minutes_sent_at == sent_at
    assert "corrigé" in held.minutes


def test_saving_without_the_publish_button_publishes_nothing(client_as):
    draft = meeting("technique", days=5)
    client_as("coordination").post(f"/admin/snippets/coordination/meeting/edit/{draft.pk}/", admin_form(draft))
    draft.refresh_from_db()
    assert draft.minutes_published_at is None and draft.agenda_published_at is None
    assert mail.outbox == []


def test_publishing_the_agenda_tells_the_members_once(users):
    upcoming = meeting("financeurs", days=20)
    assert publish(upcoming, "agenda") == 1
    assert publish(upcoming, "agenda") is None
    assert [email.to for email in mail.outbox] == [[users["financeurs"].email]]
    assert "ordre du jour" in mail.outbox[0].subject.lower()
    assert "L'ordre du jour de la prochaine réunion du comité" in mail.outbox[0].body


def test_an_agenda_published_after_its_meeting_does_not_call_it_the_next_one(users):
    late = meeting("financeurs", days=-3)
    assert publish(late, "agenda") == 1
    day = french_date(late.starts_at, "j F Y")
    assert f"L'ordre du jour de la réunion du {day} du comité" in mail.outbox[0].body
    assert "prochaine" not in mail.outbox[0].body


def test_publishing_to_a_committee_without_any_address_does_not_claim_it_was_sent_before(client_as, users):
    # With no member to tell, the coordinator read « était déjà publié et envoyé » on a first publication.
    users["technique"].email = ""
    users["technique"].save()
    upcoming = meeting("technique", days=20)
    response = client_as("coordination").post(
        f"/admin/snippets/coordination/meeting/edit/{upcoming.pk}/",
        admin_form(upcoming, "action-publish-agenda"),
        follow=True,
    )
    body = response.content.decode().replace("&#x27;", "'")
    assert mail.outbox == []
    assert "déjà publié" not in body
    assert "aucun membre actif du comité n'a d'adresse e-mail" in body


def test_copying_a_meeting_keeps_its_agenda_but_not_its_minutes_decisions_or_papers(client_as):
    held = meeting("pilotage", days=-3, agenda="<p>Point Sirius</p>", minutes="<p>Compte rendu Vega</p>")
    Decision.objects.create(meeting=held, text="Décision Altair")
    MeetingDocument.objects.create(meeting=held, document=committee_document("pilotage", "Pièce Deneb"))
    body = client_as("coordination").get(f"/admin/snippets/coordination/meeting/copy/{held.pk}/").content.decode()
    assert "Point Sirius" in body
    assert "Vega" not in body and "Altair" not in body and "Deneb" not in body
    assert 'name="decisions-TOTAL_FORMS" value="0"' in body


def test_the_meeting_form_leads_to_the_page_the_members_read(client_as):
    held = meeting("financeurs", days=-3)
    body = client_as("coordination").get(f"/admin/snippets/coordination/meeting/edit/{held.pk}/").content.decode()
    assert f'href="/comites/financeurs/reunions/{held.pk}/"' in body


def test_publishing_empty_minutes_is_refused_in_french_and_nothing_is_sent(client_as, users):
    held = meeting("pilotage", days=-1)
    response = client_as("coordination").post(
        f"/admin/snippets/coordination/meeting/edit/{held.pk}/", admin_form(held, "action-publish-minutes", minutes="")
    )
    assert response.status_code == 200
    assert "Rédigez le compte rendu avant de le publier." in response.content.decode()
    assert mail.outbox == []


def test_a_document_from_another_committees_collection_is_refused(client_as):
    held = meeting("technique", days=-1)
    data = admin_form(held)
    foreign = committee_document("financeurs", "Pièce des financeurs")
    data.update(nested_form_data({"documents": inline_formset([{"document": foreign.pk}])}))
    response = client_as("coordination").post(f"/admin/snippets/coordination/meeting/edit/{held.pk}/", data)
    assert response.status_code == 200
    assert "pas dans la collection « Documents du comité technique »" in response.content.decode()
    assert not held.documents.exists()


def test_a_decision_closed_before_its_meeting_is_refused_in_french_and_nothing_is_saved(client_as):
    held = meeting("pilotage", days=-3)
    data = admin_form(held)
    before = timezone.localdate(held.starts_at) - datetime.timedelta(days=2)
    data.update(
        nested_form_data(
            {"decisions": inline_formset([{"text": "Relancer les structures", "closed_at": before.isoformat()}])}
        )
    )
    response = client_as("coordination").post(f"/admin/snippets/coordination/meeting/edit/{held.pk}/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Une décision ne peut pas être close avant la réunion qui l&#x27;a prise" in page
    assert "Relancer les structures" in page
    assert not held.decisions.exists()


# Decisions come back on the next agendas until closed


def test_open_decisions_are_carried_to_the_next_meetings_agenda_until_closed():
    first = meeting("pilotage", days=-60, minutes="<p>CR</p>", minutes_published_at=at(-50))
    decision = Decision.objects.create(meeting=first, text="Rédiger le plan territorial", owner_name="Coordination")
    second = meeting("pilotage", days=-20)
    third = meeting("pilotage", days=15)
    other_committee = meeting("technique", days=15)
    assert list(second.carried_decisions()) == [decision]
    assert list(third.carried_decisions()) == [decision]
    assert list(other_committee.carried_decisions()) == []
    assert list(first.carried_decisions()) == []

    decision.closed_at = timezone.localdate(at(-10))
    decision.save()
    assert list(second.carried_decisions()) == [decision]  # it was still open at that meeting
    assert list(third.carried_decisions()) == []


def test_a_decision_of_unpublished_minutes_is_not_shown_to_members():
    first = meeting("pilotage", days=-30, minutes="<p>Brouillon</p>")
    Decision.objects.create(meeting=first, text="Décision pas encore publiée")
    assert list(meeting("pilotage", days=5).carried_decisions()) == []


def test_the_next_meetings_page_shows_the_carried_decision(client_as):
    first = meeting("pilotage", days=-60, minutes="<p>CR</p>", minutes_published_at=at(-50))
    Decision.objects.create(
        meeting=first, text="Rédiger le plan territorial", owner_name="Hélène Dupré", due_date=timezone.localdate()
    )
    upcoming = meeting("pilotage", days=15, agenda_published_at=at(-1))
    body = client_as("pilotage").get(f"/comites/pilotage/reunions/{upcoming.pk}/").content.decode()
    assert "Suivi des décisions des réunions précédentes" in body
    assert "Rédiger le plan territorial" in body and "Hélène Dupré" in body


# Each committee sees its own meetings, documents and decisions, and nobody else's


@pytest.mark.parametrize("role", ROLES)
def test_committees_are_isolated_from_each_other(client_as, role):
    meetings = {
        slug: meeting(slug, days=-5, agenda_published_at=at(-10), minutes="<p>CR</p>", minutes_published_at=at(-1))
        for slug in ("pilotage", "financeurs", "technique")
    }
    documents = {}
    for slug, held in meetings.items():
        documents[slug] = committee_document(slug, f"Pièce {slug}")
        MeetingDocument.objects.create(meeting=held, document=documents[slug])
        Decision.objects.create(meeting=held, text=f"Décision secrète {slug}")
    client = client_as(role)
    for slug, held in meetings.items():
        allowed = role == "coordination" or COMMITTEE_OF_ROLE.get(role) == slug
        page = client.get(f"/comites/{slug}/")
        detail = client.get(f"/comites/{slug}/reunions/{held.pk}/")
        document = client.get(documents[slug].url)
        if allowed:
            assert page.status_code == detail.status_code == document.status_code == 200
            assert f"Décision secrète {slug}" in page.content.decode()
            assert f"Pièce {slug}" in detail.content.decode()
        elif role == "anonymous":
            assert all(r.status_code == 302 for r in (page, detail, document))
        else:
            assert page.status_code == detail.status_code == document.status_code == 403
        # A meeting of one committee never answers at another committee's address.
        for other in meetings:
            if other != slug:
                assert client.get(f"/comites/{other}/reunions/{held.pk}/").status_code in (302, 403, 404)


def test_a_meeting_page_answers_only_under_its_own_committee(client_as):
    held = meeting("financeurs", days=-5)
    assert client_as("coordination").get(f"/comites/pilotage/reunions/{held.pk}/").status_code == 404
    assert client_as("coordination").get(f"/comites/financeurs/reunions/{held.pk}/").status_code == 200


def test_search_and_sitemap_say_nothing_of_the_meetings(client_as):
    Meeting.objects.create(committee=committee("financeurs"), title="Séance Zorglub", starts_at=at(-5))
    for role in ROLES:
        client = client_as(role)
        results = client.get("/recherche/?q=Zorglub").content.decode()
        assert "Séance Zorglub" not in results and "/reunions/" not in results
        assert "/comites/" not in client.get("/sitemap.xml").content.decode()


def test_the_committee_page_lists_upcoming_and_past_meetings_and_hides_unpublished_texts(client_as):
    meeting("technique", days=-30, minutes="<p>CR secret</p>")
    meeting("technique", days=12, agenda="<p>Ordre du jour brouillon</p>")
    body = client_as("technique").get("/comites/technique/").content.decode()
    assert "Prochaines réunions" in body and "Réunions passées" in body
    assert body.count("Réunion technique") == 2
    assert "Aucun contenu" not in body  # the page has no sub-pages, and its meetings are its content
    upcoming = Meeting.objects.get(starts_at__gt=timezone.now())
    detail = client_as("technique").get(f"/comites/technique/reunions/{upcoming.pk}/").content.decode()
    assert "brouillon" not in detail
    assert "pas encore publié" in detail


def test_the_committee_page_costs_a_bounded_number_of_queries(client_as, django_assert_max_num_queries):
    client = client_as("pilotage")
    for count in (2, 30):
        for index in range(count):
            held = meeting("pilotage", days=-index - 1, minutes="<p>CR</p>", minutes_published_at=at(-index))
            Decision.objects.create(meeting=held, text=f"Décision {index}")
        with django_assert_max_num_queries(40, info=f"{count} meetings"):
            assert client.get("/comites/pilotage/").status_code == 200


# Landing after login, and the 403 page


def login(client, username, next_url=None):
    data = {"username": username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post("/connexion/" + (f"?next={next_url}" if next_url else ""), data)


@pytest.mark.parametrize(
    ("role", "landing"),
    [
        ("promeneur", "/espace/"),
        ("coordination", "/espace/"),
        ("pilotage", "/comites/pilotage/"),
        ("financeurs", "/comites/financeurs/"),
        ("technique", "/comites/technique/"),
    ],
)
def test_each_role_lands_on_its_own_home_after_login(client, users, role, landing):
    response = login(client, users[role].username)
    assert response.status_code == 302
    assert response["Location"] == landing
    assert client.get(landing).status_code == 200


def test_a_member_of_several_committees_lands_on_the_committees_home(client):
    UserFactory(username="double", role="pilotage").groups.add(committee("technique").committee_group)
    assert login(client, "double")["Location"] == "/comites/"


def test_a_committee_member_who_is_also_a_promeneur_keeps_the_space(client):
    UserFactory(username="mixte", role="promeneur").groups.add(committee("technique").committee_group)
    assert login(client, "mixte")["Location"] == "/espace/"


def test_a_safe_next_wins_over_the_landing(client, users):
    assert login(client, "copil", "/comites/chiffres-cles/")["Location"] == "/comites/chiffres-cles/"
    client.logout()
    assert login(client, "copil", "https://evil.example.com/")["Location"] == "/comites/pilotage/"


@pytest.mark.parametrize(
    ("role", "address", "links"),
    [
        ("pilotage", "/espace/", ['href="/comites/pilotage/"', 'href="/"']),
        ("financeurs", "/comites/technique/", ['href="/comites/financeurs/"', 'href="/"']),
        ("promeneur", "/comites/", ['href="/espace/"', 'href="/"']),
    ],
)
def test_the_403_page_says_where_the_user_may_go(client_as, role, address, links):
    response = client_as(role).get(address)
    assert response.status_code == 403
    body = response.content.decode()
    assert "Accès refusé" in body and "Où aller ?" in body
    for link in links:
        assert link in body
    places = body.split("Où aller ?")[1]
    assert ('href="/espace/"' in places) == (role == "promeneur")
    others = [slug for slug in ("pilotage", "financeurs", "technique") if slug != COMMITTEE_OF_ROLE.get(role)]
    assert not any(f'href="/comites/{slug}/"' in places for slug in others)


def test_the_meeting_form_offers_each_publication_until_it_is_sent(client_as):
    held = meeting("pilotage", days=-2, minutes="<p>CR</p>")
    url = f"/admin/snippets/coordination/meeting/edit/{held.pk}/"
    body = client_as("coordination").get(url).content.decode()
    assert "Enregistrer et publier l&#x27;ordre du jour" in body or "Enregistrer et publier l'ordre du jour" in body
    assert 'name="action-publish-minutes"' in body
    publish(held, "minutes")
    body = client_as("coordination").get(url).content.decode()
    assert 'name="action-publish-minutes"' not in body and 'name="action-publish-agenda"' in body


# The cockpit shows what the committees wait for


def test_the_cockpit_lists_papers_to_publish_and_overdue_decisions(client_as):
    due_agenda = meeting("pilotage", days=10)
    meeting("pilotage", days=60)  # too early for its agenda
    unpublished_minutes = meeting("technique", days=-5)
    done = meeting("financeurs", days=-30, minutes="<p>CR</p>", minutes_published_at=at(-20), minutes_sent_at=at(-20))
    today, days = timezone.localdate(), datetime.timedelta(days=1)
    Decision.objects.create(meeting=done, text="Relancer les partenaires", due_date=today - 3 * days)
    Decision.objects.create(meeting=done, text="Pas encore due", due_date=today + 3 * days)
    Decision.objects.create(meeting=done, text="Close à temps", due_date=today - 9 * days, closed_at=today)
    body = client_as("coordination").get("/admin/").content.decode()
    papers = body.split('id="cockpit-committee-papers"')[1].split("</section>")[0]
    assert f"/admin/snippets/coordination/meeting/edit/{due_agenda.pk}/" in papers
    assert f"/admin/snippets/coordination/meeting/edit/{unpublished_minutes.pk}/" in papers
    assert '2<span class="w-sr-only"> éléments</span>' in papers
    decisions = body.split('id="cockpit-committee-decisions"')[1].split("</section>")[0]
    assert "Relancer les partenaires" in decisions
    assert "Pas encore due" not in decisions and "Close à temps" not in decisions

    # The committee's members read the same: late, open, closed.
    page = " ".join(client_as("financeurs").get(done.get_url()).content.decode().split())
    states = {"Relancer les partenaires": "En retard", "Pas encore due": "En cours", "Close à temps": "Close le"}
    for text, state in states.items():
        assert state in page.split(text)[1].split("</li>")[0], text


def test_an_upcoming_meeting_is_never_contradicted_by_an_empty_list_of_events(client_as):
    # The committee's events came under « Prochaines réunions du comité : Aucune réunion n'est
    # programmée » right below the meeting just listed.
    meeting("pilotage", days=12)
    body = client_as("pilotage").get("/comites/pilotage/").content.decode()
    assert "Réunion pilotage" in body
    assert "Aucune réunion n&#x27;est programmée" not in body and "Aucune réunion n'est programmée" not in body


@pytest.mark.parametrize("pk", ["0", "99999999999999999999", "9" * 300])
def test_an_unknown_or_huge_meeting_number_is_a_404(client_as, pk):
    assert client_as("pilotage").get(f"/comites/pilotage/reunions/{pk}/").status_code == 404


@pytest.mark.parametrize("number", ["abc", "-1", "99999999999999999999", "0"])
def test_any_page_number_of_past_meetings_gets_a_page(client_as, number):
    assert client_as("pilotage").get(f"/comites/pilotage/?reunions={number}").status_code == 200


def test_a_decisions_owner_is_chosen_by_name_not_by_login(client_as):
    UserFactory(username="hdupre", first_name="Hélène", last_name="Dupré")
    body = client_as("coordination").get("/admin/snippets/coordination/meeting/add/").content.decode()
    assert ">Hélène Dupré</option>" in body and ">hdupre</option>" not in body


def test_a_meeting_card_says_what_is_still_to_come(client_as):
    meeting("technique", days=12)
    meeting("technique", days=-30)
    meeting("technique", days=-60, agenda_published_at=at(-70))
    meeting("technique", days=-90, agenda_published_at=at(-100), minutes="<p>CR</p>", minutes_published_at=at(-80))
    body = client_as("technique").get("/comites/technique/").content.decode()
    statuses = re.findall(r'<p class="meta">([^<]*)</p>', body)
    assert statuses == [
        "Ordre du jour à venir",
        "Compte rendu à venir",
        "Ordre du jour publié · Compte rendu à venir",
        "Ordre du jour publié · Compte rendu publié",
    ]
