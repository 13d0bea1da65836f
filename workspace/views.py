"""French error pages. The 500 page is rendered without context or database access,
so that it works when everything else is broken and leaks nothing."""

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.http import HttpResponseServerError
from django.template import loader
from django.views import defaults


def permission_denied(request, exception=None):
    return defaults.permission_denied(request, exception, template_name="403.html")


def page_not_found(request, exception=None):
    return defaults.page_not_found(request, exception, template_name="404.html")


# The 500 page carries its few style rules inline, so as to need nothing else (not even
# static files) to display; it holds no variable content for an injection to use.
@csp_update({"style-src": [UNSAFE_INLINE]})
def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render())
