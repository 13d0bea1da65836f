"""Addresses of issue 16 (what leaves the site): robots.txt, the open data files, and the one-click
unsubscribe link of the mailing lists (a signed token stands for the member)."""

from tests.access import everyone

ROWS = [
    ("/robots.txt", everyone("shows:Disallow: /espace/")),
    ("/donnees/structures.json", everyone("shows:Données publiques MJC")),
    ("/donnees/structures.json", everyone("hides:referent.secret@example.org")),
    ("/donnees/structures.csv", everyone("shows:Données publiques MJC")),
    ("/donnees/structures.csv", everyone("hides:Structure discrète")),
    # The link works for whoever holds it (a mail client has no session); it only asks on a GET.
    ("/desabonnement/{digest_token}/", everyone("shows:Ne plus recevoir la lettre hebdomadaire")),
    ("/desabonnement/jeton-invente/", everyone("404")),
]


def make_objects():
    from django.urls import reverse

    from tests.factories import StructureFactory, UserFactory
    from workspace import mail

    StructureFactory(name="Données publiques MJC", open_data=True, referent_email="referent.secret@example.org")
    StructureFactory(name="Structure discrète", open_data=False)
    member = UserFactory(username="abonne-lettre", role="promeneur")
    link = mail.unsubscribe_url(member, "lettre-hebdomadaire")
    prefix = mail.absolute_url(reverse("mail_unsubscribe", args=["X"])).removesuffix("X/")
    return {"digest_token": link.removeprefix(prefix).rstrip("/")}
