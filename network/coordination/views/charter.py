"""Accepting the charter (/charte/accepter/): the text in front of the promeneur, a checkbox
and a button; then back to where the space sent them from."""

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from network.coordination.models.charter import CharterVersion, accept
from workspace.accounts.roles import is_member
from workspace.security.next_url import next_path

SPACE = "/espace/"


class AcceptCharterForm(forms.Form):
    accepted = forms.BooleanField(
        label="J'ai lu la charte départementale des Promeneurs du Net et je m'engage à la respecter.",
        error_messages={"required": "Cochez la case pour accepter la charte."},
    )


def accept_charter(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_member(request.user):
        raise PermissionDenied
    version = CharterVersion.current()
    accepted = version.acceptances.filter(user=request.user).first() if version else None
    form = AcceptCharterForm(request.POST or None)
    if request.method == "POST" and version and form.is_valid():
        accept(request.user, version)
        return redirect(next_path(request, SPACE))
    context = {
        "page": page,
        "version": version,
        "accepted": accepted,
        "form": form,
        "next": next_path(request, SPACE),
    }
    return TemplateResponse(request, "coordination/charter_accept.html", context)
