"""The coordinator's actions on an application: accept it (structure, account, invitation) and
send the invitation again when its link expired."""

import logging
import smtplib

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from wagtail.admin import messages

from network.coordination.joining import (
    CannotAccept,
    CannotInvite,
    accept_application,
    check_can_reinvite,
    send_invitation,
)
from network.coordination.modeladmins.joining import newcomer_links
from network.coordination.models import Application
from workspace.display import of

logger = logging.getLogger(__name__)
LISTING = "coordination_application_modeladmin_index"
# What a mail server that refuses or cannot be reached raises.
MAIL_ERRORS = (smtplib.SMTPException, OSError)


def _application(request, pk):
    if not request.user.has_perm("coordination.change_application"):
        raise PermissionDenied
    return get_object_or_404(Application, pk=pk)


def _confirm(request, application, action):
    return TemplateResponse(
        request,
        "coordination/admin/application_confirm.html",
        {"application": application, "action": action, "page_title": f"{action} : {application.structure_name}"},
    )


def _invitation_not_sent(request, application):
    logger.exception("Invitation e-mail for application %s not sent", application.pk)
    messages.error(
        request,
        f"L'invitation à {application.contact_email} n'a pas pu être envoyée (serveur d'e-mails indisponible) : "
        "utilisez « Renvoyer l'invitation » plus tard.",
    )


def accept(request, pk):
    application = _application(request, pk)
    if request.method != "POST" or not application.is_open:
        return _confirm(request, application, "Accepter et inviter")
    try:
        accept_application(application)
    except CannotAccept as refusal:
        messages.error(request, str(refusal))
        return redirect(LISTING)
    except MAIL_ERRORS:
        _invitation_not_sent(request, application)
        return redirect(LISTING)
    messages.success(
        request,
        f"Candidature {of(application.structure_name)} acceptée : la structure est dans l'annuaire et "
        f"{application.contact_email} a reçu son invitation.",
        buttons=[messages.button(url, label) for label, url in newcomer_links(application)],
    )
    return redirect(LISTING)


def reinvite(request, pk):
    application = _application(request, pk)
    can_reinvite = application.status == Application.Status.ACCEPTED and application.invited_user_id
    if can_reinvite:
        try:
            check_can_reinvite(application)
        except CannotInvite as refusal:
            messages.error(request, str(refusal))
            return redirect(LISTING)
    if request.method != "POST" or not can_reinvite:
        return _confirm(request, application, "Renvoyer l'invitation")
    try:
        send_invitation(application)
    except MAIL_ERRORS:
        _invitation_not_sent(request, application)
        return redirect(LISTING)
    messages.success(
        request, f"Nouvelle invitation envoyée à {application.contact_email} ; l'ancien lien ne sert plus."
    )
    return redirect(LISTING)


urlpatterns = [
    path("coordination/application/<int:pk>/accepter/", accept, name="coordination_application_accept"),
    path("coordination/application/<int:pk>/renvoyer-invitation/", reinvite, name="coordination_application_reinvite"),
]
