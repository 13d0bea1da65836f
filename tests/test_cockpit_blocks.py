"""The cockpit's blocks of the directory, the exchanges and the events: content and permission."""

import datetime

import pytest
from django.utils import timezone

from network.directory.models import Promeneur
from resources.exchanges.models.discussions import Report
from tests.factories import EventFactory, MessageFactory, PromeneurFactory, RegistrationFactory, UserFactory
from tests.test_cockpit_activity import HOME, block, text
from tests.test_directory_profile import URL as PROFILE_URL
from tests.test_directory_profile import form_data
from workspace.cockpit.blocks import cockpit_blocks

pytestmark = pytest.mark.django_db

COCKPIT_BLOCKS = {
    "support-requests",
    "missing-grids",
    "reported-messages",
    "changed-profiles",
    "upcoming-events",
    "attendance-to-mark",
    "publish",
    "month-figures",
}


def test_coordination_sees_every_block_of_this_issue(rf, users):
    request = rf.get(HOME)
    request.user = users["coordination"]
    assert {block.name for block in cockpit_blocks(request)} >= COCKPIT_BLOCKS


@pytest.mark.parametrize("role", ["promeneur", "pilotage", "financeurs", "technique"])
def test_no_other_role_gets_a_block(rf, users, role):
    request = rf.get(HOME)
    request.user = users[role]
    assert cockpit_blocks(request) == []


def test_a_profile_changed_by_its_promeneur_is_listed_until_marked_seen(client_as, users):
    lucie = Promeneur.objects.get(user=users["promeneur"])
    PromeneurFactory(last_name="Inchangée")
    client_as("promeneur").post(PROFILE_URL, form_data(lucie))
    client = client_as("coordination")
    changed = block(text(client.get(HOME)), "changed-profiles")
    assert '1<span class="w-sr-only"> élément</span>' in changed
    assert lucie.full_name in changed and "Inchangée" not in changed
    assert "/admin/annuaire/profils-modifies/relus/" in changed and f'value="{lucie.pk}"' in changed

    response = client.post("/admin/annuaire/profils-modifies/relus/", {"promeneur": lucie.pk, "next": HOME})
    assert response["Location"] == HOME
    lucie.refresh_from_db()
    assert lucie.reviewed_by == users["coordination"] and not lucie.needs_review
    assert "Aucun profil modifié" in block(text(client.get(HOME)), "changed-profiles")


def test_marking_seen_never_redirects_away_from_the_site(client_as, users):
    response = client_as("coordination").post(
        "/admin/annuaire/profils-modifies/relus/", {"promeneur": "1", "next": "https://pirate.example/"}
    )
    assert response["Location"] == "/admin/annuaire/profils-modifies/"


def test_reported_messages_awaiting_moderation_link_to_the_reports(client_as, users):
    message = MessageFactory(body="Un message à vérifier rapidement")
    Report.objects.create(message=message, reporter=users["promeneur"], reason="Propos blessants")
    Report.objects.create(message=MessageFactory(body="Déjà traité"), reporter=users["promeneur"], handled=True)
    reported = block(text(client_as("coordination").get(HOME)), "reported-messages")
    assert '1<span class="w-sr-only"> élément</span>' in reported and "Un message à vérifier rapidement" in reported
    assert "Déjà traité" not in reported
    assert "/admin/snippets/exchanges/report/edit/" in reported


def test_events_of_the_next_two_weeks_show_places_left_and_waiting_list(client_as):
    soon = EventFactory(title="Rencontre bientôt", capacity=3)
    RegistrationFactory(event=soon)
    RegistrationFactory(event=soon, status="attente")
    RegistrationFactory(event=soon, status="attente")
    EventFactory(title="Sans limite")
    EventFactory(title="Trop loin", start=timezone.now() + datetime.timedelta(days=20))
    EventFactory(title="Annulé", is_cancelled=True)
    upcoming = block(text(client_as("coordination").get(HOME)), "upcoming-events")
    assert '2<span class="w-sr-only"> éléments</span>' in upcoming
    assert "2 places libres" in upcoming and "2 en liste d&#x27;attente" in upcoming
    assert "places illimitées" in upcoming
    assert "Trop loin" not in upcoming and "Annulé" not in upcoming
    assert f"/admin/agenda/{soon.pk}/inscriptions/" in upcoming


def test_past_events_whose_attendance_is_not_marked(client_as):
    start = timezone.now() - datetime.timedelta(days=3)
    unmarked = EventFactory(title="À pointer", start=start, end=start + datetime.timedelta(hours=2))
    RegistrationFactory(event=unmarked)
    RegistrationFactory(event=unmarked, attended=True)
    marked = EventFactory(title="Pointé", start=start, end=start + datetime.timedelta(hours=2))
    RegistrationFactory(event=marked, attended=False)
    RegistrationFactory(event=marked, status="annulee", user=UserFactory())
    attendance = block(text(client_as("coordination").get(HOME)), "attendance-to-mark")
    assert '1<span class="w-sr-only"> élément</span>' in attendance
    assert "À pointer" in attendance and "Pointé" not in attendance
    assert "1 présence à saisir" in attendance
    assert f"/admin/agenda/{unmarked.pk}/inscriptions/" in attendance
