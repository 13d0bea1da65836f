"""French error pages. The 400 and 500 pages are rendered without context or database
access, so that they work when everything else is broken (or when the request itself
cannot be trusted near the database) and leak nothing."""

from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.template import loader
from django.views import defaults


def bad_request(request, exception=None):
    return HttpResponseBadRequest(loader.get_template("400.html").render())


def permission_denied(request, exception=None):
    return defaults.permission_denied(request, exception, template_name="403.html")


def page_not_found(request, exception=None):
    return defaults.page_not_found(request, exception, template_name="404.html")


def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render())
