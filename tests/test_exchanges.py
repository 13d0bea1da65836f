"""Practice exchanges through the test client: writing, answering, permissions, bad input."""

import html
import re
import uuid

import pytest
from django.core import mail
from django.utils import timezone

from resources.exchanges.models.discussions import Discussion, Message, Report, Revision
from resources.exchanges.models.faq import FaqEntry
from tests.exchanges_helpers import EXCHANGES, discussion_action, discussion_url, message_action
from tests.factories import DiscussionFactory, MessageFactory, UserFactory
from workspace.mail import absolute_url

pytestmark = pytest.mark.django_db


def new_discussion_data(**overrides):
    data = {
        "title": "Un jeune me parle de harcèlement sur Discord",
        "kind": "question",
        "category": "cadre-juridique",
        "tags": "harcèlement, Discord",
        "body": "Que dois-je faire **en premier** ?",
        "form_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def reply_data(body="Appelle le 3018, c'est le numéro national.", token=None):
    return {"body": body, "form_token": str(token or uuid.uuid4())}


@pytest.fixture
def member(users):
    return users["promeneur"]


@pytest.fixture
def other_member(db):
    return UserFactory(username="karim", first_name="Karim", last_name="Haddad", role="promeneur")


def test_a_member_starts_a_discussion_from_the_front_end(client_as, member):
    client = client_as("promeneur")
    form = client.get(f"{EXCHANGES}nouvelle/")
    assert form.status_code == 200
    assert "identifier un jeune" in form.content.decode()  # the reminder beside the form

    response = client.post(f"{EXCHANGES}nouvelle/", new_discussion_data())

    discussion = Discussion.objects.get()
    assert response.status_code == 302 and response["Location"] == discussion_url(discussion)
    assert discussion.author == member and discussion.category == "cadre-juridique"
    assert sorted(discussion.tags.names()) == ["Discord", "harcèlement"]
    opening = discussion.messages.get()
    assert opening.is_opening and "<strong>en premier</strong>" in opening.body_html
    page = client.get(discussion_url(discussion)).content.decode()
    assert "Un jeune me parle de harcèlement sur Discord" in page and "<strong>en premier</strong>" in page
    # A question goes to the coordination's address.
    assert any("coordination@example.org" in m.to for m in mail.outbox)
    assert all(absolute_url("/espace/echanges/preferences/") in m.body for m in mail.outbox)


def test_others_reply_and_the_author_is_told_by_email(client_as, member, other_member, client):
    discussion = DiscussionFactory(author=member)
    mail.outbox.clear()
    client.force_login(other_member)

    response = client.post(discussion_action(discussion, "repondre"), reply_data())

    reply = discussion.messages.get(is_opening=False)
    assert response.status_code == 302 and response["Location"].endswith(f"#message-{reply.pk}")
    discussion.refresh_from_db()
    assert discussion.reply_count == 1 and discussion.last_author == other_member
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Appelle le 3018" in mail.outbox[0].body and discussion_url(discussion) in mail.outbox[0].body
    # Where to stop them, as a link: « depuis la page des échanges » alone left the member to find it.
    assert absolute_url("/espace/echanges/preferences/") in mail.outbox[0].body


def test_an_account_without_a_name_is_not_called_a_former_member(client_as, member, client):
    """The coordinator's account made without a name: its login, not « un ancien membre »; the
    account of a member who left (anonymised: no name, inactive) stays « un ancien membre »."""
    coordinator = UserFactory(username="coordination.pdn66", first_name="", last_name="", role="coordination")
    gone = UserFactory(username="ancien-promeneur-7", first_name="", last_name="", is_active=False)
    discussion = DiscussionFactory(author=member, title="Question Alcor")
    MessageFactory(discussion=discussion, author=gone, body="Réponse partie.")
    mail.outbox.clear()
    client.force_login(coordinator)
    client.post(discussion_action(discussion, "repondre"), reply_data())

    body = client_as("promeneur").get(discussion_url(discussion)).content.decode()
    assert body.lower().count("coordination.pdn66") == 2  # the author line and the report link's label
    assert "ancien-promeneur-7" not in body and "un ancien membre" in body
    assert "dernière activité le" in (listing := client_as("promeneur").get(EXCHANGES).content.decode())
    assert "par coordination.pdn66" in listing
    assert mail.outbox[0].body.startswith("Bonjour,\n\nCoordination.pdn66 a répondu")


def test_the_author_marks_a_reply_as_the_answer_and_the_coordinator_publishes_it_as_faq(
    client_as, member, other_member, users
):
    discussion = DiscussionFactory(author=member, title="Peut-on garder un secret ?")
    answer = MessageFactory(discussion=discussion, author=other_member, body="Pas un secret **absolu**.")
    client = client_as("promeneur")
    assert client.post(message_action(answer, "reponse"), {"retenue": "1"}).status_code == 302
    discussion.refresh_from_db()
    assert discussion.answer == answer
    # A promeneur cannot publish to the FAQ.
    assert client.post(discussion_action(discussion, "faq"), {"visibility": "public"}).status_code == 403

    coordination = client_as("coordination")
    response = coordination.post(discussion_action(discussion, "faq"), {"visibility": "public"})
    assert response.status_code == 302
    entry = FaqEntry.objects.get()
    assert (entry.question, entry.category, entry.visibility) == ("Peut-on garder un secret ?", "posture", "public")
    assert "<strong>absolu</strong>" in entry.answer_html
    # The same action again creates nothing.
    coordination.post(discussion_action(discussion, "faq"), {"visibility": "public"})
    assert FaqEntry.objects.count() == 1
    assert "Peut-on garder un secret ?" in client_as("anonymous").get("/faq/").content.decode()


def test_members_only_faq_entries_stay_in_the_space(client_as):
    FaqEntry.objects.create(
        question="Question interne Bételgeuse", answer="Réponse", category="posture", visibility="members"
    )
    FaqEntry.objects.create(question="Question publique Rigel", answer="Réponse", category="autre", visibility="public")
    public = client_as("anonymous").get("/faq/").content.decode()
    assert "Rigel" in public and "Bételgeuse" not in public
    space = client_as("promeneur").get("/espace/faq/").content.decode()
    assert "Rigel" in space and "Bételgeuse" in space
    assert space.index("Posture") < space.index("Autre")  # grouped by category, in the categories' order


def test_only_the_author_or_the_coordination_marks_the_answer(client_as, other_member, client):
    discussion = DiscussionFactory(author=other_member)
    reply = MessageFactory(discussion=discussion)
    response = client_as("promeneur").post(message_action(reply, "reponse"), {"retenue": "1"})
    assert response.status_code == 403
    discussion.refresh_from_db()
    assert discussion.answer is None
    client_as("coordination").post(message_action(reply, "reponse"), {"retenue": "1"})
    discussion.refresh_from_db()
    assert discussion.answer == reply


def test_coordination_sees_unanswered_questions_first_members_the_latest_activity(client_as):
    now = timezone.now()
    answered = DiscussionFactory(title="Question résolue", last_activity_at=now)
    answered.answer = MessageFactory(discussion=answered)
    answered.save()
    DiscussionFactory(title="Pratique récente", kind="pratique", last_activity_at=now - timezone.timedelta(hours=1))
    DiscussionFactory(title="Question en attente", last_activity_at=now - timezone.timedelta(days=3))

    def order(role):
        body = client_as(role).get(EXCHANGES).content.decode()
        titles = ["Question résolue", "Pratique récente", "Question en attente"]
        return sorted(titles, key=body.index)

    assert order("promeneur") == ["Question résolue", "Pratique récente", "Question en attente"]
    assert order("coordination") == ["Question en attente", "Question résolue", "Pratique récente"]


def test_times_are_written_as_on_the_agenda(client_as):
    """« le 14 mars 2026 à 14h05 », as the events (« jeudi 10 décembre, 14h00 »), not « 14:05 »."""
    moment = timezone.make_aware(timezone.datetime(2026, 3, 14, 14, 5))
    discussion = DiscussionFactory(title="Horaires Mira", last_activity_at=moment, opening__created_at=moment)
    client = client_as("promeneur")
    for body in (client.get(EXCHANGES).content.decode(), client.get(discussion_url(discussion)).content.decode()):
        assert "14 mars 2026 à 14h05" in body and "à 14:05" not in body


def test_list_filters_by_category_and_unanswered(client_as):
    DiscussionFactory(title="Sujet juridique", category="cadre-juridique")
    DiscussionFactory(title="Sujet animation", category="animation", kind="pratique")
    client = client_as("promeneur")
    body = client.get(f"{EXCHANGES}?categorie=animation").content.decode()
    assert "Sujet animation" in body and "Sujet juridique" not in body
    body = client.get(f"{EXCHANGES}?etat=sans-reponse").content.decode()
    assert "Sujet juridique" in body and "Sujet animation" not in body


def test_the_filter_form_keeps_what_was_asked(client_as):
    """The shared filter form: the one-choice checkbox sends "sans-reponse" and stays ticked; the tag
    of a tag link rides in a hidden field, left out when there is none."""
    client = client_as("promeneur")
    body = client.get(f"{EXCHANGES}?etat=sans-reponse&mot-cle=commun").content.decode()
    assert re.search(r'<input type="checkbox" name="etat" value="sans-reponse"[^>]* checked', body)
    assert '<input type="hidden" name="mot-cle" value="commun"' in body
    body = client.get(EXCHANGES).content.decode()
    assert re.search(r'<input type="checkbox" name="etat" value="sans-reponse"', body)
    assert not re.search(r'name="etat"[^>]* checked', body)
    assert 'name="mot-cle"' not in body
    assert body.count("Lancer une discussion") == 1  # the button; the menu leaves it out here


def test_list_pages_keep_the_valid_filters_in_their_links(client_as):
    for _ in range(21):
        DiscussionFactory(category="posture").tags.add("commun")
    client = client_as("promeneur")
    body = client.get(f"{EXCHANGES}?etat=sans-reponse").content.decode()
    assert 'href="?etat=sans-reponse&amp;page=2"' in body
    body = client.get(f"{EXCHANGES}?categorie=posture&mot-cle=commun&etat=sans-reponse").content.decode()
    assert 'href="?categorie=posture&amp;mot-cle=commun&amp;etat=sans-reponse&amp;page=2"' in body
    body = client.get(f"{EXCHANGES}?categorie=inconnue&nature=inconnue").content.decode()
    assert 'href="?page=2"' in body  # unknown values are left out, of the list and of its links


# Editing and deleting ------------------------------------------------------------------------------


def test_an_author_edits_their_message_for_a_while_and_the_history_is_kept(client_as, member):
    message = MessageFactory(author=member, body="Premier texte")
    client = client_as("promeneur")
    response = client.post(message_action(message, "modifier"), {"body": "Texte corrigé"})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.body == "Texte corrigé" and message.edited_at
    assert list(message.revisions.values_list("body", flat=True)) == ["Premier texte"]
    history = client.get(message_action(message, "historique")).content.decode()
    assert "Premier texte" in history and "Texte corrigé" in history


def test_after_the_edit_window_the_author_is_told_why_and_nothing_changes(client_as, member, settings):
    settings.EXCHANGES_EDIT_WINDOW_MINUTES = 30
    message = MessageFactory(
        author=member, body="Texte d'origine", created_at=timezone.now() - timezone.timedelta(minutes=31)
    )
    response = client_as("promeneur").post(message_action(message, "modifier"), {"body": "Trop tard"})
    assert response.status_code == 403
    assert "délai" in response.content.decode()
    message.refresh_from_db()
    assert message.body == "Texte d'origine" and not Revision.objects.exists()


def test_a_member_cannot_edit_or_delete_another_members_message_even_by_posting_the_form(client_as, other_member):
    message = MessageFactory(author=other_member, body="Le texte de Karim")
    client = client_as("promeneur")
    assert client.get(message_action(message, "modifier")).status_code == 403
    assert client.post(message_action(message, "modifier"), {"body": "Réécrit"}).status_code == 403
    assert client.post(message_action(message, "retirer")).status_code == 403
    assert client.post(message_action(message, "moderer"), {"reason": "Parce que", "action": "hide"}).status_code == 403
    assert client.get(message_action(message, "historique")).status_code == 403
    message.refresh_from_db()
    assert message.body == "Le texte de Karim" and not message.hidden and not Revision.objects.exists()
    # Neither can they close someone else's discussion.
    assert client.post(discussion_action(message.discussion, "cloturer"), {"close": "1"}).status_code == 403


def test_an_author_withdraws_their_reply(client_as, member):
    discussion = DiscussionFactory()
    reply = MessageFactory(discussion=discussion, author=member, body="Réponse à retirer")
    discussion.touch(reply)
    client = client_as("promeneur")
    assert client.get(message_action(reply, "retirer")).status_code == 200
    assert client.post(message_action(reply, "retirer")).status_code == 302
    reply.refresh_from_db()
    discussion.refresh_from_db()
    assert reply.hidden and Message.objects.filter(pk=reply.pk).exists()  # the text is kept
    assert discussion.reply_count == 0


# Moderation ----------------------------------------------------------------------------------------


def test_coordination_hides_a_message_with_a_reason_and_the_author_is_told(client_as, other_member, users):
    discussion = DiscussionFactory()
    message = MessageFactory(discussion=discussion, author=other_member, body="Il s'appelle Kévin D., au collège X")
    mail.outbox.clear()
    response = client_as("coordination").post(
        message_action(message, "moderer"), {"reason": "Identifie un jeune.", "action": "hide"}
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.hidden and message.hidden_reason == "Identifie un jeune."
    assert [m.to for m in mail.outbox] == [[other_member.email]]
    assert "Identifie un jeune." in mail.outbox[0].body
    # « répondez à cet e-mail » : the answer reaches the coordination, not the site's sending address.
    assert "répondez à cet e-mail" in mail.outbox[0].body
    assert mail.outbox[0].reply_to == ["coordination@example.org"]
    # Which message: the subject named none (« Votre message a été masqué par la coordination »).
    assert mail.outbox[0].subject == f"Votre message dans « {discussion.title} » a été masqué par la coordination"
    # Invisible to other members, visible to its author and to the coordination.
    assert "Kévin D." not in client_as("promeneur").get(discussion_url(discussion)).content.decode()
    assert "Kévin D." in client_as("coordination").get(discussion_url(discussion)).content.decode()
    author = client_as("anonymous")
    author.force_login(other_member)
    assert "Kévin D." in author.get(discussion_url(discussion)).content.decode()


def test_moderation_requires_a_reason(client_as):
    message = MessageFactory(body="Texte")
    response = client_as("coordination").post(message_action(message, "moderer"), {"reason": "  ", "action": "hide"})
    assert response.status_code == 200
    assert "Indiquez le motif" in response.content.decode()
    message.refresh_from_db()
    assert not message.hidden


def test_coordination_edits_a_message_with_a_reason_and_the_author_is_told(client_as, other_member):
    message = MessageFactory(author=other_member, body="Texte avec un prénom de jeune")
    client = client_as("coordination")
    refused = client.post(message_action(message, "modifier"), {"body": "Texte anonymisé", "reason": ""})
    assert refused.status_code == 200 and "Indiquez le motif" in refused.content.decode()
    assert "Texte anonymisé" in refused.content.decode()  # what was typed is kept
    mail.outbox.clear()
    client.post(message_action(message, "modifier"), {"body": "Texte anonymisé", "reason": "Prénom retiré."})
    message.refresh_from_db()
    assert message.body == "Texte anonymisé"
    revision = message.revisions.get()
    assert revision.body == "Texte avec un prénom de jeune" and revision.reason == "Prénom retiré."
    assert [m.to for m in mail.outbox] == [[other_member.email]] and "Prénom retiré." in mail.outbox[0].body


def test_hiding_the_opening_message_hides_the_discussion_from_other_members(client_as, other_member):
    discussion = DiscussionFactory(author=other_member, title="Discussion Antarès")
    opening = discussion.messages.get()
    client_as("coordination").post(message_action(opening, "moderer"), {"reason": "Hors cadre.", "action": "hide"})
    discussion.refresh_from_db()
    assert discussion.hidden
    member = client_as("promeneur")
    assert "Antarès" not in member.get(EXCHANGES).content.decode()
    assert member.get(discussion_url(discussion)).status_code == 404
    assert "Antarès" in client_as("coordination").get(EXCHANGES).content.decode()


def test_a_member_reports_a_message_to_the_coordination(client_as, other_member):
    message = MessageFactory(author=other_member)
    client = client_as("promeneur")
    mail.outbox.clear()
    response = client.post(message_action(message, "signaler"), {"reason": "On peut reconnaître le jeune."})
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.message == message and report.reason == "On peut reconnaître le jeune."
    assert [m.to for m in mail.outbox] == [["coordination@example.org"]]
    client.post(message_action(message, "signaler"), {"reason": "Encore"})
    assert Report.objects.count() == 1
    listing = client_as("coordination").get("/admin/snippets/exchanges/report/").content.decode()
    assert "On peut reconnaître le jeune." in listing


# Bad input ----------------------------------------------------------------------------------------


def test_an_empty_message_and_a_title_of_spaces_get_french_messages_and_keep_the_text(client_as):
    client = client_as("promeneur")
    response = client.post(f"{EXCHANGES}nouvelle/", new_discussion_data(title="    ", body="   "))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Donnez un titre à votre discussion" in body
    assert "Le message est vide" in body
    assert 'value="harcèlement, Discord"' in body  # what was typed is kept
    assert not Discussion.objects.exists()


def test_a_100000_character_message_is_refused_in_french_and_kept(client_as):
    discussion = DiscussionFactory()
    long_text = "a" * 100_000
    response = client_as("promeneur").post(discussion_action(discussion, "repondre"), reply_data(body=long_text))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Le message est trop long : 20000 caractères au plus (il en compte 100000)." in body
    assert long_text in body
    assert discussion.messages.count() == 1


def test_replies_to_a_closed_or_hidden_discussion_are_refused_and_the_text_kept(client_as):
    closed = DiscussionFactory(closed=True)
    hidden = DiscussionFactory(hidden=True)
    client = client_as("coordination")  # the coordination sees hidden discussions
    response = client.post(discussion_action(closed, "repondre"), reply_data(body="Ma réponse tardive"))
    assert response.status_code == 200
    assert "Cette discussion est close" in response.content.decode()
    assert "Ma réponse tardive" in response.content.decode()
    response = client.post(discussion_action(hidden, "repondre"), reply_data(body="Autre réponse"))
    assert "masquée par la coordination" in response.content.decode()
    assert Message.objects.filter(is_opening=False).count() == 0
    # A member does not even find the hidden discussion.
    assert client_as("promeneur").post(discussion_action(hidden, "repondre"), reply_data()).status_code == 404


def test_a_double_submit_of_the_same_form_creates_one_record(client_as):
    client = client_as("promeneur")
    data = new_discussion_data()
    first = client.post(f"{EXCHANGES}nouvelle/", data)
    second = client.post(f"{EXCHANGES}nouvelle/", data)
    assert Discussion.objects.count() == 1
    assert first["Location"] == second["Location"]

    discussion = Discussion.objects.get()
    token = uuid.uuid4()
    client.post(discussion_action(discussion, "repondre"), reply_data(token=token))
    again = client.post(discussion_action(discussion, "repondre"), reply_data(token=token), follow=True)
    assert discussion.messages.filter(is_opening=False).count() == 1
    assert "déjà enregistrée" in again.content.decode()


def test_action_addresses_refuse_get(client_as):
    discussion = DiscussionFactory()
    reply = MessageFactory(discussion=discussion)
    client = client_as("promeneur")
    assert client.get(discussion_action(discussion, "repondre")).status_code == 405
    assert client.get(message_action(reply, "reponse")).status_code == 405
    assert client.get(f"{EXCHANGES}999999/").status_code == 404


def test_following_and_preferences(client_as, member, other_member, client):
    discussion = DiscussionFactory(author=other_member)
    member_client = client_as("promeneur")
    member_client.post(discussion_action(discussion, "suivre"), {"suivre": "1"})
    member_client.post(
        f"{EXCHANGES}preferences/", {"weekly_digest": "", "reply_emails": "on", "categories": ["animation"]}
    )
    prefs = member.exchange_preferences
    assert not prefs.weekly_digest and prefs.reply_emails
    assert set(member.exchange_follows.values_list("category", flat=True)) == {"", "animation"}

    mail.outbox.clear()
    third = UserFactory(username="marie", role="promeneur")
    client.force_login(third)
    client.post(discussion_action(discussion, "repondre"), reply_data())
    assert sorted(m.to[0] for m in mail.outbox) == sorted([member.email, other_member.email])

    mail.outbox.clear()
    client.post(f"{EXCHANGES}nouvelle/", new_discussion_data(category="animation", kind="pratique"))
    assert [m.to for m in mail.outbox] == [[member.email]]
    # Why it comes and how to stop it: it only gave « Catégories suivies et préférences… ».
    assert (
        "Vous recevez cet e-mail parce que vous suivez la catégorie « Animation ». Pour ne plus le recevoir "
        f"ou choisir les catégories suivies : http://testserver{EXCHANGES}preferences/"
    ) in mail.outbox[0].body


def test_an_altered_form_token_does_not_block_the_member(client_as):
    client_as("promeneur").post(f"{EXCHANGES}nouvelle/", new_discussion_data(form_token="pas-un-jeton"))
    assert Discussion.objects.count() == 1


def test_coordination_admin_pages_of_the_exchanges(client_as, other_member):
    message = MessageFactory(author=other_member)
    report = Report.objects.create(message=message, reporter=other_member, reason="Motif du signalement")
    client = client_as("coordination")
    assert client.get(f"/admin/snippets/exchanges/report/edit/{report.pk}/").status_code == 200
    listing = client.get("/admin/snippets/exchanges/report/").content.decode()
    assert f"/espace/echanges/{message.discussion_id}/#message-{message.pk}" in listing
    assert client.get(f"/admin/snippets/exchanges/discussion/edit/{message.discussion_id}/").status_code == 200
    response = client.post(
        f"/admin/snippets/exchanges/discussion/edit/{message.discussion_id}/",
        {"title": "Titre revu", "category": "animation", "tags": "un, deux", "closed": "on"},
    )
    assert response.status_code == 302
    message.discussion.refresh_from_db()
    assert message.discussion.title == "Titre revu" and message.discussion.closed
    assert sorted(message.discussion.tags.names()) == ["deux", "un"]


def test_the_admin_lists_members_by_their_names_not_their_logins(client_as):
    author = UserFactory(username="zb4521", first_name="Zoé", last_name="Bernat", role="promeneur")
    reporter = UserFactory(username="kf8810", first_name="Karim", last_name="Ferrer", role="promeneur")
    message = MessageFactory(author=author, discussion=DiscussionFactory(author=author))
    Report.objects.create(message=message, reporter=reporter, reason="Motif")
    client = client_as("coordination")
    discussions = client.get("/admin/snippets/exchanges/discussion/").content.decode()
    reports = client.get("/admin/snippets/exchanges/report/").content.decode()
    assert "Zoé Bernat" in discussions and "zb4521" not in discussions
    assert "Karim Ferrer" in reports and "kf8810" not in reports


@pytest.mark.parametrize("model", ["discussion", "report"])
def test_the_admin_creates_no_discussion_nor_report(client_as, other_member, model):
    """A discussion is started and a message reported on the site: made in the admin, a discussion
    had no author nor message and yet showed to every member (« Lancée par un ancien membre ·
    0 réponse »). The admin offers neither « Ajouter » nor « Copier », and refuses their addresses."""
    discussion = MessageFactory(author=other_member).discussion
    client = client_as("coordination")
    base = f"/admin/snippets/exchanges/{model}/"
    listing = client.get(base).content.decode()
    assert f'href="{base}add/"' not in listing and f"{base}copy/" not in listing
    client.post(f"{base}add/", {"title": "Faite dans l'administration", "category": "autre", "reason": "x"})
    client.post(f"/admin/snippets/exchanges/discussion/copy/{discussion.pk}/", {"title": "Copie", "category": "autre"})
    assert list(Discussion.objects.all()) == [discussion] and not Report.objects.exists()


def test_sending_a_state_button_twice_changes_nothing_more(client_as, member, other_member):
    discussion = DiscussionFactory(author=member)
    reply = MessageFactory(discussion=discussion, author=other_member)
    client = client_as("promeneur")
    for _ in range(2):
        client.post(message_action(reply, "reponse"), {"retenue": "1"})
        client.post(discussion_action(discussion, "cloturer"), {"close": "1"})
        client.post(discussion_action(discussion, "suivre"), {"suivre": "1"})
    discussion.refresh_from_db()
    assert discussion.answer == reply and discussion.closed
    assert member.exchange_follows.filter(discussion=discussion).count() == 1

    coordination = client_as("coordination")
    mail.outbox.clear()
    for _ in range(2):
        coordination.post(message_action(reply, "moderer"), {"reason": "Hors sujet.", "action": "hide"})
    reply.refresh_from_db()
    assert reply.hidden and len(mail.outbox) == 1
    coordination.post(message_action(reply, "moderer"), {"reason": "Erreur de ma part.", "action": "unhide"})
    reply.refresh_from_db()
    assert not reply.hidden


def test_someone_who_left_the_members_groups_receives_no_content_by_email(client_as, member, other_member):
    discussion = DiscussionFactory(author=other_member)
    former = UserFactory(username="ancien", role="promeneur")
    client = client_as("anonymous")
    client.force_login(former)
    client.post(discussion_action(discussion, "suivre"), {"suivre": "1"})
    former.groups.clear()  # left the network
    mail.outbox.clear()
    client_as("promeneur").post(discussion_action(discussion, "repondre"), reply_data())
    assert [m.to for m in mail.outbox] == [[other_member.email]]


def test_the_hidden_labels_of_a_former_members_message_name_an_ancien_membre(client_as, other_member):
    """An anonymised author has no name: the actions' hidden labels must not end on a dangling « d' »."""
    discussion = DiscussionFactory(author=other_member)
    MessageFactory(discussion=discussion, author=other_member, body="Une réponse d'avant mon départ.")
    other_member.first_name = other_member.last_name = ""
    other_member.is_active = False  # as network.directory.privacy.anonymise leaves the account
    other_member.save()

    page = client_as("coordination").get(discussion_url(discussion)).content.decode()

    hidden = [html.unescape(label) for label in re.findall(r'<span class="visually-hidden">([^<]*)</span>', page)]
    assert " le message d'un ancien membre" in hidden
    assert not [label for label in hidden if label.rstrip().endswith(("d'", " de"))]
    listing = client_as("promeneur").get(EXCHANGES).content.decode()
    assert "par un ancien membre" in listing
