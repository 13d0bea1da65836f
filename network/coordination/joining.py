"""Joining the network: an accepted application becomes a structure of the directory and an
invited account; the invitation is a one-time link, valid INVITATION_VALID_DAYS days."""

import datetime
import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from network.directory.models import Promeneur, Structure
from workspace import mail
from workspace.accounts.passwords import awaiting_password
from workspace.accounts.roles import PROMENEURS
from workspace.accounts.tokens import KEY_PATTERN, SecretToken

from .models import Application

INVITATION = "invitation"


class CannotAccept(Exception):
    """Why an application cannot be accepted, in French, for the coordinator."""


def _free_username(email):
    User = get_user_model()
    base = re.sub(r"[^a-z0-9._-]", "", email.split("@")[0].lower())[:140] or "promeneur"
    username, counter = base, 2
    while User.objects.filter(username=username).exists():
        username, counter = f"{base}{counter}", counter + 1
    return username


def accept_application(application):
    """Create the structure (or take the directory's one of that name), the future promeneur's
    account and directory sheet (or link the sheet the directory has at that address), mark the
    application accepted and send the invitation."""
    with transaction.atomic():
        # A double click, or two tabs, accept at the same instant: the second waits for the first
        # here, then finds the application accepted (rather than a duplicate key, an error page).
        status = Application.objects.select_for_update().values_list("status", flat=True).get(pk=application.pk)
        if status == Application.Status.ACCEPTED:
            raise CannotAccept("Cette candidature est déjà acceptée.")
        _create_the_newcomer(application)
    send_invitation(application)
    return application


def _create_the_newcomer(application):
    """The structure, the account and the sheet of an application being accepted (its row locked)."""
    User = get_user_model()
    email = application.contact_email.strip()
    if User.objects.annotate(address=Lower("email")).filter(address=email.lower()).exists():
        raise CannotAccept(f"Un compte existe déjà avec l'adresse {email} : rattachez-le à la structure à la main.")
    sheet = Promeneur.objects.annotate(address=Lower("email")).filter(address=email.lower()).first()
    if sheet is not None and sheet.user_id:
        raise CannotAccept(f"{sheet} a déjà un compte dans l'annuaire avec l'adresse {email}.")
    if sheet is not None and not sheet.is_active:
        raise CannotAccept(
            f"{sheet} a quitté le réseau (fiche de l'annuaire inactive, adresse {email}) : "
            "réactivez sa fiche (case « Actif ») si son retour est décidé, puis acceptez la candidature."
        )
    # The applicant types the name as they like: « MJC DE PRADES » is the directory's « MJC de Prades ».
    structure = Structure.objects.filter(name__iexact=application.structure_name).order_by("pk").first()
    if structure is None:
        structure = Structure.objects.create(
            name=application.structure_name,
            address=application.address,
            commune=application.town,
            referent_name=application.contact_name,
            referent_role=application.contact_role,
            referent_email=email,
            referent_phone=application.contact_phone,
        )
    user = User.objects.create(
        username=_free_username(email),
        email=email,
        first_name=application.contact_first_name,
        last_name=application.contact_last_name,
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=PROMENEURS))
    if sheet is None:
        Promeneur.objects.create(
            user=user,
            first_name=application.contact_first_name,
            last_name=application.contact_last_name,
            job_title=application.contact_role,
            structure=structure,
            email=email,
            phone=application.contact_phone,
            entry_date=timezone.localdate(),
        )
    else:
        _link_sheet(sheet, user, application, structure)
    application.status = Application.Status.ACCEPTED
    application.decided_at = timezone.now()
    application.structure = structure
    application.invited_user = user
    application.save(update_fields=["status", "decided_at", "structure", "invited_user"])


def _link_sheet(sheet, user, application, structure):
    """A promeneur already in the directory without an account (an imported list, say) is invited onto
    their own sheet: what the coordination keeps there stays, only what it lacks is filled in."""
    sheet.user = user
    sheet.structure = sheet.structure or structure
    sheet.job_title = sheet.job_title or application.contact_role
    sheet.phone = sheet.phone or application.contact_phone
    sheet.entry_date = sheet.entry_date or timezone.localdate()
    sheet.save()


class CannotInvite(Exception):
    """Why no new invitation goes out, in French, for the coordinator."""


def check_can_reinvite(application):
    """An invitation says « créez votre compte »: to an account already created, or closed since, its
    link would not work (``Invitation``) and its words would be wrong."""
    user = application.invited_user
    if not user.is_active:
        raise CannotInvite(
            "Ce compte est fermé (promeneur parti ou compte désactivé) : aucune invitation n'est envoyée."
        )
    if user.has_usable_password():
        raise CannotInvite(
            f"{application.contact_name} a déjà créé son compte (identifiant {user.username}) : aucune nouvelle "
            "invitation n'est envoyée. Pour un mot de passe oublié, le lien « Mot de passe oublié » de la page "
            "de connexion lui en fait choisir un nouveau."
        )


def send_invitation(application):
    """A new one-time link for the application's account (any earlier link stops working)."""
    user = application.invited_user
    token = SecretToken.for_user(user, INVITATION)
    token.reset()
    context = {
        "application": application,
        "user": user,
        "link": mail.absolute_url(reverse("coordination:invitation", args=[token.key])),
        "valid_until": timezone.localtime(token.created_at + invitation_lifetime()),
        "coordination_email": settings.COORDINATION_EMAIL,
    }
    mail.send([mail.message("coordination/emails/invitation", context, [user.email])])
    application.invitation_sent_at = timezone.now()
    application.save(update_fields=["invitation_sent_at"])


def invitation_lifetime():
    return datetime.timedelta(days=settings.INVITATION_VALID_DAYS)


class Invitation:
    """What an invitation link stands for: ``state`` is "valid", "expired" or "unknown" (never
    issued, or already used: a used link is deleted)."""

    def __init__(self, key):
        self.token = None
        if isinstance(key, str) and KEY_PATTERN.fullmatch(key):
            self.token = (
                SecretToken.objects.select_related("user")
                .filter(key=key, purpose=INVITATION, user__is_active=True)
                # A password chosen otherwise (« Mot de passe oublié ») used the invitation up.
                .filter(awaiting_password("user__"))
                .first()
            )
        if self.token is None:
            self.state = "unknown"
        elif self.token.created_at + invitation_lifetime() < timezone.now():
            self.state = "expired"
        else:
            self.state = "valid"

    @property
    def user(self):
        return self.token.user if self.token else None

    def use(self):
        """The link serves once."""
        self.token.delete()
