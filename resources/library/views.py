from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from resources.library.feeds import FEEDS_PURPOSE, SECTIONS
from workspace.accounts.roles import is_member
from workspace.accounts.tokens import SecretToken


def feed_path(token, section=""):
    return reverse("resources:member_feed", args=[token.key, section] if section else [token.key])


@require_http_methods(["GET", "POST"])
def my_feeds(request):
    """/espace/mes-flux/: the member's personal feed addresses, and a button to reset them."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_member(request.user):
        raise PermissionDenied
    token = SecretToken.for_user(request.user, FEEDS_PURPOSE)
    if request.method == "POST":
        token.reset()
        messages.success(request, "Vos adresses de flux ont été renouvelées : les anciennes ne fonctionnent plus.")
        return redirect("resources:my_feeds")
    feeds = [(label, request.build_absolute_uri(feed_path(token, section))) for section, (label, _) in SECTIONS.items()]
    return render(request, "library/my_feeds.html", {"feeds": feeds, "token": token})
