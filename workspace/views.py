"""French error pages. The 400, 500 and 503 pages are rendered without context or database
access, so that they work when everything else is broken (or when the request itself
cannot be trusted near the database) and leak nothing."""

import sys

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotAllowed,
    HttpResponseServerError,
)
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt

from workspace import mail
from workspace.accounts.landing import places_to_go


# The 400 and 500 pages carry their few style rules inline, so as to need nothing else (not
# even static files) to display; they hold no variable content for an injection to use.
@csp_update({"style-src": [UNSAFE_INLINE]})
def bad_request(request, exception=None):
    # A flag, not the exception's text: the page still shows nothing that came with the request.
    too_large = isinstance(exception, RequestDataTooBig)
    return HttpResponseBadRequest(loader.get_template("400.html").render({"too_large": too_large}))


def permission_denied(request, exception=None):
    # Rendered here rather than by Django's default view, to say where the visitor may go instead.
    body = loader.render_to_string("403.html", {"places_to_go": places_to_go(request.user)}, request=request)
    return HttpResponseForbidden(body)


def page_not_found(request, exception=None):
    return defaults.page_not_found(request, exception, template_name="404.html")


@csp_update({"style-src": [UNSAFE_INLINE]})
def server_error(request):
    """A lost database is an outage, not a bug: say so (503, retry soon). With CONN_HEALTH_CHECKS
    the next request opens a new connection, so the site comes back with the database."""
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())


@csrf_exempt  # RFC 8058: the mail client posts "List-Unsubscribe=One-Click", with no session and no form
def unsubscribe(request, token):
    """The one-click link of a mailing list's e-mail (workspace.mail). GET asks (a link checker or a
    preview must not unsubscribe anyone); POST, from the page or straight from the mail client, does it."""
    found = mail.read_unsubscribe_token(token)
    if found is None:
        raise Http404("Lien de désabonnement inconnu.")
    user, mailing_list = found
    done = request.method == "POST"
    if done:
        mailing_list.unsubscribe(user)
    elif request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    response = render(request, "mail/unsubscribe.html", {"mailing_list": mailing_list, "done": done})
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


# What crawlers have no business in: the members' and committees' spaces, the admin, and the
# secret addresses (feeds, calendars, unsubscribe links), which a leak must not get indexed.
ROBOTS_DISALLOWED = ("/espace/", "/comites/", "/admin/", "/flux/", "/calendrier/", "/desabonnement/", "/recherche/")


def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOWED)]
    lines += ["", f"Sitemap: {mail.absolute_url(reverse('sitemap'))}", ""]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response
