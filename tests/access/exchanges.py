"""Addresses of the practice exchanges (routes of /espace/echanges/) and of the FAQ."""

from tests.access import COMMITTEE_ROLES, coordination_admin, everyone, members_only, shown_to

DISCUSSION = "Discussion matrice Sirius"
HIDDEN_DISCUSSION = "Discussion masquée Mizar"
HIDDEN_MESSAGE = "Message masqué Procyon"
PUBLIC_FAQ = "FAQ publique Arcturus"
MEMBERS_FAQ = "FAQ membres Pollux"
E = "/espace/echanges/"


def coordination_else(coordination, promeneur):
    """Members' space action: coordination and promeneur answers differ, committees refused."""
    return {
        "anonymous": "login",
        "promeneur": promeneur,
        "coordination": coordination,
        **dict.fromkeys(COMMITTEE_ROLES, "403"),
    }


ROWS = [
    (E, members_only(ok=f"shows:{DISCUSSION}")),
    (E, shown_to({"coordination"}, HIDDEN_DISCUSSION)),
    (f"{E}?categorie=posture&etat=sans-reponse", members_only(ok=f"shows:{DISCUSSION}")),
    (f"{E}nouvelle/", members_only()),
    (f"{E}preferences/", members_only()),
    (E + "{discussion}/", members_only(ok=f"shows:{DISCUSSION}")),
    (E + "{discussion}/", shown_to({"coordination"}, HIDDEN_MESSAGE)),
    (E + "{hidden_discussion}/", coordination_else(f"shows:{HIDDEN_DISCUSSION}", "404")),
    (E + "{discussion}/repondre/", members_only(ok="405")),
    (E + "{discussion}/suivre/", members_only(ok="405")),
    (E + "{discussion}/cloturer/", members_only(ok="405")),
    (E + "{resolved}/faq/", coordination_else("200", "403")),
    (E + "message/{reply}/modifier/", coordination_else("200", "403")),
    (E + "message/{reply}/retirer/", coordination_else("403", "403")),
    (E + "message/{reply}/historique/", coordination_else("200", "403")),
    (E + "message/{reply}/moderer/", coordination_else("200", "403")),
    (E + "message/{reply}/signaler/", members_only()),
    (E + "message/{reply}/reponse/", members_only(ok="405")),
    (E + "message/{hidden_message}/signaler/", coordination_else("200", "404")),
    (E + "message/999999/modifier/", members_only(ok="404")),
    ("/espace/faq/", members_only(ok=f"shows:{MEMBERS_FAQ}")),
    ("/espace/faq/", members_only(ok=f"shows:{PUBLIC_FAQ}")),
    ("/faq/", everyone(f"shows:{PUBLIC_FAQ}")),
    ("/faq/", everyone(f"hides:{MEMBERS_FAQ}")),
    ("/sitemap.xml", everyone("shows:/faq/")),
    ("/admin/snippets/exchanges/report/", coordination_admin()),
    ("/admin/snippets/exchanges/discussion/", coordination_admin()),
    ("/admin/snippets/exchanges/faqentry/", coordination_admin()),
]


def make_objects():
    from resources.exchanges.models.faq import FaqEntry
    from tests.factories import DiscussionFactory, MessageFactory, UserFactory

    author = UserFactory(username="auteur-matrice", role="promeneur")
    discussion = DiscussionFactory(title=DISCUSSION, author=author)
    reply = MessageFactory(discussion=discussion, author=author, body="Une réponse visible.")
    hidden_message = MessageFactory(discussion=discussion, author=author, body=HIDDEN_MESSAGE, hidden=True)
    hidden_discussion = DiscussionFactory(title=HIDDEN_DISCUSSION, author=author, hidden=True)
    resolved = DiscussionFactory(title="Question résolue Véga", author=author)
    resolved.answer = MessageFactory(discussion=resolved, author=author, body="La réponse.")
    resolved.save()
    FaqEntry.objects.create(question=PUBLIC_FAQ, answer="Réponse publique.", category="autre", visibility="public")
    FaqEntry.objects.create(question=MEMBERS_FAQ, answer="Réponse interne.", category="posture", visibility="members")
    return {
        "discussion": discussion.pk,
        "hidden_discussion": hidden_discussion.pk,
        "resolved": resolved.pk,
        "reply": reply.pk,
        "hidden_message": hidden_message.pk,
    }
