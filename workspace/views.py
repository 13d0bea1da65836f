"""French error pages. The 400 and 500 pages are rendered without context or database
access, so that they work when everything else is broken (or when the request itself
cannot be trusted near the database) and leak nothing."""

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.http import HttpResponseBadRequest, HttpResponseForbidden, HttpResponseServerError
from django.template import loader
from django.views import defaults

from workspace.accounts.landing import places_to_go


# The 400 and 500 pages carry their few style rules inline, so as to need nothing else (not
# even static files) to display; they hold no variable content for an injection to use.
@csp_update({"style-src": [UNSAFE_INLINE]})
def bad_request(request, exception=None):
    return HttpResponseBadRequest(loader.get_template("400.html").render())


def permission_denied(request, exception=None):
    # Rendered here rather than by Django's default view, to say where the visitor may go instead.
    body = loader.render_to_string("403.html", {"places_to_go": places_to_go(request.user)}, request=request)
    return HttpResponseForbidden(body)


def page_not_found(request, exception=None):
    return defaults.page_not_found(request, exception, template_name="404.html")


@csp_update({"style-src": [UNSAFE_INLINE]})
def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render())
