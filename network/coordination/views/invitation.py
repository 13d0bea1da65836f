"""The invited promeneur's first visit: the one-time link lets them choose a password, then
logs them in; the space then asks them to accept the charter."""

from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from network.coordination.joining import Invitation
from workspace.pages.models import NetworkSettings

# Axes' backend only counts failures; the account is logged in through Django's.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@never_cache
def invitation(request, key):
    link = Invitation(key)
    if link.state != "valid":
        context = {"state": link.state, "network": NetworkSettings.for_request(request)}
        return TemplateResponse(request, "coordination/invitation_invalid.html", context)
    form = SetPasswordForm(link.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        link.use()
        login(request, user, backend=MODEL_BACKEND)
        return redirect("/espace/")
    return TemplateResponse(request, "coordination/invitation.html", {"form": form, "invited": link.user})
