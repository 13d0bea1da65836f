"""Joining the network (issue 12, items 3–5): the charter's acceptance, the public forms
(/contact/, /devenir-promeneur/), the invitation link, and the coordinator's records in the admin."""

from django.contrib.auth import get_user_model

from network.coordination.joining import INVITATION, accept_application
from network.coordination.models import Application, CharterAcceptance, CharterVersion, ContactMessage
from network.coordination.models.charter import accept
from tests.access import Nobody, Post, coordination_admin, everyone, in_space, members_only
from workspace.accounts.tokens import SecretToken

A = "/admin/coordination/application/"
M = "/admin/coordination/contactmessage/"
C = "/admin/coordination/charteracceptance/"
V = "/admin/coordination/charterversion/"
# Modeladmin answers an action nobody may take (writing a message or an acceptance by hand) by
# going back to the admin's home.
REFUSED_IN_ADMIN = Nobody(coordination_admin("302"))
REQUIRED = "shows:Champ requis."


def application_status(objects):
    return Application.objects.get(pk=objects["application"]).status


def invitation_key(objects):
    return SecretToken.objects.filter(purpose=INVITATION, user__username="invite.matrice").values_list("key")[0]


def acceptances(objects):
    return CharterAcceptance.objects.count()


def contact_count(objects):
    return (ContactMessage.objects.count(), Application.objects.count())


def password_of(objects):
    return get_user_model().objects.get(username="invite.matrice").password


ROWS = [
    # Public forms: an incomplete message is answered with its errors, whoever sends it.
    ("/contact/", everyone("200"), Post(everyone(REQUIRED), contact_count, {"name": "Inès"})),
    ("/devenir-promeneur/", everyone("200"), Post(everyone(REQUIRED), contact_count, {"structure_name": "MJC"})),
    # The charter's acceptance: members; the promeneur has accepted, Coordination may too.
    (
        "/charte/accepter/",
        members_only(),
        Post(in_space("302"), acceptances, {"accepted": "on"}, changes_for=("coordination",)),
    ),
    # The invitation link is the key: it answers the same to everyone.
    (
        "/invitation/{invitation}/",
        everyone("shows:Créer mon compte"),
        Post(everyone("200"), password_of, {"new_password1": "Un-mot-de-passe-66", "new_password2": "autre"}),
    ),
    ("/invitation/lien-inconnu/", everyone("shows:n'est plus valable")),
    # Applications in the admin
    (A, coordination_admin()),
    (A + "?export=csv", coordination_admin()),
    (A + "create/", coordination_admin()),
    (A + "inspect/{application}/", coordination_admin()),
    (A + "edit/{application}/", coordination_admin()),
    (A + "delete/{application}/", coordination_admin()),
    (A + "history/{application}/", coordination_admin()),
    (
        A + "{application}/accepter/",
        coordination_admin(),
        Post(coordination_admin("302"), application_status, changes_for=("coordination",)),
    ),
    (
        A + "{accepted_application}/renvoyer-invitation/",
        coordination_admin(),
        Post(coordination_admin("302"), invitation_key, changes_for=("coordination",)),
    ),
    # The network's mailbox in the admin
    (M, coordination_admin()),
    (M + "?export=xlsx", coordination_admin()),
    (M + "inspect/{contact_message}/", coordination_admin()),
    (M + "edit/{contact_message}/", coordination_admin()),
    (M + "delete/{contact_message}/", coordination_admin()),
    (M + "history/{contact_message}/", coordination_admin()),
    (M + "create/", REFUSED_IN_ADMIN),
    # The charter's versions and acceptances: read, exported, never written by hand
    (C, coordination_admin()),
    (C + "?export=csv", coordination_admin()),
    (C + "inspect/{acceptance}/", coordination_admin()),
    (C + "edit/{acceptance}/", REFUSED_IN_ADMIN),
    (C + "delete/{acceptance}/", REFUSED_IN_ADMIN),
    (C + "create/", REFUSED_IN_ADMIN),
    (C + "history/{acceptance}/", coordination_admin()),
    (V, coordination_admin()),
    (V + "inspect/{version}/", coordination_admin()),
    (V + "history/{version}/", coordination_admin()),
    (V + "create/", REFUSED_IN_ADMIN),
    (V + "edit/{version}/", REFUSED_IN_ADMIN),
    (V + "delete/{version}/", REFUSED_IN_ADMIN),
]


def make_objects():
    version = CharterVersion.objects.create(label="matrice", text="<p>Charte de la matrice.</p>")
    promeneur = get_user_model().objects.get(username="promeneur")
    application = Application.objects.create(
        structure_name="MJC de la matrice",
        address="1 place de la Loge",
        town="Perpignan",
        contact_first_name="Rita",
        contact_last_name="Matrice",
        contact_role="Animatrice",
        contact_email="rita.matrice@example.org",
        contact_phone="04 68 00 00 01",
        professionals_count=1,
        networks=["instagram"],
        motivation="Être présents en ligne.",
    )
    accepted = accept_application(
        Application.objects.create(
            **{
                **{f.attname: getattr(application, f.attname) for f in Application._meta.concrete_fields},
                "id": None,
                "structure_name": "Centre social invité",
                "contact_email": "invite.matrice@example.org",
            }
        )
    )
    message = ContactMessage.objects.create(
        name="Inès", email="ines@example.org", subject="Une question", message="Comment devenir promeneur ?"
    )
    return {
        "application": application.pk,
        "accepted_application": accepted.pk,
        "invitation": SecretToken.objects.get(user=accepted.invited_user, purpose=INVITATION).key,
        "contact_message": message.pk,
        "acceptance": accept(promeneur, version).pk,
        "version": version.pk,
    }
