from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from resources.library.feeds import FEEDS_PURPOSE, SECTIONS
from workspace.accounts.tokens import SecretToken
from workspace.mail import absolute_url


def feed_path(token, section=""):
    return reverse("resources:member_feed", args=[token.key, section] if section else [token.key])


@require_http_methods(["GET", "POST"])
def my_feeds(request, page):
    """/espace/mes-flux/ (MyFeedsPage, under the space's restriction): the member's personal
    feed addresses, and a button to reset them."""
    token = SecretToken.for_user(request.user, FEEDS_PURPOSE)
    if request.method == "POST":
        token.reset()
        messages.success(request, "Vos adresses de flux ont été renouvelées : les anciennes ne fonctionnent plus.")
        return redirect(page.url)
    feeds = [(label, absolute_url(feed_path(token, section))) for section, (label, _) in SECTIONS.items()]
    return render(request, "library/my_feeds.html", {"page": page, "feeds": feeds, "token": token})
