"""Addresses of the practice exchanges (routes of /espace/echanges/) and of the FAQ.

The actions post: each row with a POST says who may act, and that nobody else changes anything."""

from tests.access import (
    COMMITTEE_ROLES,
    Post,
    everyone,
    hidden,
    in_space,
    members_only,
    nobody,
    shown_to,
    snippet_rows,
)

DISCUSSION = "Discussion matrice Sirius"
HIDDEN_DISCUSSION = "Discussion masquée Mizar"
HIDDEN_MESSAGE = "Message masqué Procyon"
PUBLIC_FAQ = "FAQ publique Arcturus"
MEMBERS_FAQ = "FAQ membres Pollux"
E = "/espace/echanges/"
MEMBERS = {"promeneur", "coordination"}
BOTH = ("promeneur", "coordination")
NOT_IN_THE_ADMIN = nobody("admin-login", "admin-login", "admin-login", coordination="302")


def coordination_else(coordination, promeneur):
    """Members' space action: coordination and promeneur answers differ, committees refused."""
    return {
        "anonymous": "login",
        "promeneur": promeneur,
        "coordination": coordination,
        **dict.fromkeys(COMMITTEE_ROLES, "403"),
    }


# What a moderation action posted by anyone but the coordination gets: refused, nothing changed.
MODERATION_POST = coordination_else("302", "403")


def message_state(name):
    def snapshot(objects):
        from resources.exchanges.models import Message

        return Message.objects.filter(pk=objects[name]).values_list("body", "hidden", "hidden_reason").get()

    return snapshot


def discussion_state(name):
    def snapshot(objects):
        from resources.exchanges.models import Discussion
        from resources.exchanges.models.faq import FaqEntry

        discussion = Discussion.objects.get(pk=objects[name])
        return (
            discussion.closed,
            discussion.answer_id,
            discussion.messages.count(),
            discussion.follows.count(),
            FaqEntry.objects.filter(discussion=discussion).count(),
        )

    return snapshot


def reports_on(name):
    def snapshot(objects):
        from resources.exchanges.models import Report

        return Report.objects.filter(message=objects[name]).count()

    return snapshot


ROWS = [
    # The site search (issue 15): discussions for members only, never a hidden one, and a hidden
    # message's words never lead to its discussion.
    ("/recherche/?q=Sirius", shown_to(MEMBERS, DISCUSSION)),
    ("/recherche/?q=sirius&type=echanges", shown_to(MEMBERS, DISCUSSION)),
    ("/recherche/?q=Mizar", hidden(HIDDEN_DISCUSSION)),
    ("/recherche/?q=Mizar&type=echanges", hidden(HIDDEN_DISCUSSION)),
    ("/recherche/?q=Procyon&type=echanges", hidden(DISCUSSION)),
    (E, members_only(ok=f"shows:{DISCUSSION}")),
    (E, shown_to({"coordination"}, HIDDEN_DISCUSSION, within=members_only())),
    (f"{E}?categorie=posture&etat=sans-reponse", members_only(ok=f"shows:{DISCUSSION}")),
    (f"{E}nouvelle/", members_only()),
    (f"{E}preferences/", members_only()),
    (E + "{discussion}/", members_only(ok=f"shows:{DISCUSSION}")),
    (E + "{discussion}/", shown_to({"coordination"}, HIDDEN_MESSAGE, within=members_only())),
    (E + "{hidden_discussion}/", coordination_else(f"shows:{HIDDEN_DISCUSSION}", "404")),
    # Members reply and follow; closing, retaining the answer and the FAQ are for the author
    # of the discussion and the coordination: another promeneur posting gets a 403.
    (
        E + "{discussion}/repondre/",
        in_space("405"),
        Post(in_space("302"), discussion_state("discussion"), {"body": "Réponse de la matrice."}, BOTH),
    ),
    (
        E + "{discussion}/suivre/",
        in_space("405"),
        Post(in_space("302"), discussion_state("discussion"), {"suivre": "1"}, BOTH),
    ),
    (
        E + "{discussion}/cloturer/",
        in_space("405"),
        Post(MODERATION_POST, discussion_state("discussion"), {"close": "1"}, ("coordination",)),
    ),
    (
        E + "{resolved}/faq/",
        coordination_else("200", "403"),
        Post(MODERATION_POST, discussion_state("resolved"), {"visibility": "members"}, ("coordination",)),
    ),
    (
        E + "message/{reply}/reponse/",
        in_space("405"),
        Post(MODERATION_POST, discussion_state("discussion"), {"retenue": "1"}, ("coordination",)),
    ),
    # Another member's message: edited by the coordination only (moderation), withdrawn by nobody
    # but its author, moderated by the coordination only.
    (
        E + "message/{reply}/modifier/",
        coordination_else("200", "403"),
        Post(
            MODERATION_POST,
            message_state("reply"),
            {"body": "Texte pirate.", "reason": "Correction"},
            ("coordination",),
        ),
    ),
    (E + "message/{reply}/retirer/", nobody("403"), Post(nobody("403"), message_state("reply"))),
    (
        E + "message/{own_reply}/retirer/",
        coordination_else("403", "200"),
        Post(coordination_else("403", "302"), message_state("own_reply"), {}, ("promeneur",)),
    ),
    (E + "message/{reply}/historique/", coordination_else("200", "403")),
    (
        E + "message/{reply}/moderer/",
        coordination_else("200", "403"),
        Post(MODERATION_POST, message_state("reply"), {"action": "hide", "reason": "Hors charte"}, ("coordination",)),
    ),
    (
        E + "message/{reply}/signaler/",
        members_only(),
        Post(in_space("302"), reports_on("reply"), {"reason": "Propos déplacés."}, BOTH),
    ),
    (E + "message/{hidden_message}/signaler/", coordination_else("200", "404")),
    (E + "message/999999/modifier/", nobody("404")),
    ("/espace/faq/", members_only(ok=f"shows:{MEMBERS_FAQ}")),
    ("/espace/faq/", members_only(ok=f"shows:{PUBLIC_FAQ}")),
    ("/faq/", everyone(f"shows:{PUBLIC_FAQ}")),
    ("/faq/", everyone(f"hides:{MEMBERS_FAQ}")),
    ("/sitemap.xml", everyone("shows:/faq/")),
    # Discussions and reports are written on the site: the admin never creates one, not even for
    # the coordination (sent back to the admin's home).
    *snippet_rows("exchanges/report", "{report}", add=NOT_IN_THE_ADMIN, copy=NOT_IN_THE_ADMIN),
    *snippet_rows("exchanges/discussion", "{discussion}", add=NOT_IN_THE_ADMIN, copy=NOT_IN_THE_ADMIN),
    *snippet_rows("exchanges/faqentry", "{faq_entry}"),
]


def make_objects():
    from django.contrib.auth import get_user_model

    from resources.exchanges.models import Report
    from resources.exchanges.models.faq import FaqEntry
    from tests.factories import DiscussionFactory, MessageFactory, UserFactory

    author = UserFactory(username="auteur-matrice", role="promeneur")
    discussion = DiscussionFactory(title=DISCUSSION, author=author)
    reply = MessageFactory(discussion=discussion, author=author, body="Une réponse visible.")
    own_reply = MessageFactory(
        discussion=discussion, author=get_user_model().objects.get(username="promeneur"), body="Ma réponse."
    )
    hidden_message = MessageFactory(discussion=discussion, author=author, body=HIDDEN_MESSAGE, hidden=True)
    hidden_discussion = DiscussionFactory(title=HIDDEN_DISCUSSION, author=author, hidden=True)
    resolved = DiscussionFactory(title="Question résolue Véga", author=author)
    resolved.answer = MessageFactory(discussion=resolved, author=author, body="La réponse.")
    resolved.save()
    FaqEntry.objects.create(question=PUBLIC_FAQ, answer="Réponse publique.", category="autre", visibility="public")
    members_faq = FaqEntry.objects.create(
        question=MEMBERS_FAQ, answer="Réponse interne.", category="posture", visibility="members"
    )
    report = Report.objects.create(message=hidden_message, reporter=author, reason="À vérifier.")
    return {
        "discussion": discussion.pk,
        "hidden_discussion": hidden_discussion.pk,
        "resolved": resolved.pk,
        "reply": reply.pk,
        "own_reply": own_reply.pk,
        "hidden_message": hidden_message.pk,
        "report": report.pk,
        "faq_entry": members_faq.pk,
    }
