"""Malformed input is refused here, once for every request, before any view, form or
query sees it.

PostgreSQL refuses a NUL character in text (a DataError, so a 500 wherever a view
filters on the value or stores it, axes included with the User-Agent); XML feeds and
iCalendar files cannot carry control characters; and no field of the site takes a
query value of thousands of characters. Such a request is answered with the site's
400 page. A cookie that decodes to control characters (a forged quoted cookie) is
dropped instead, as Django drops a malformed CSRF cookie: the visitor just gets a new
session."""

import logging
import re

from workspace.views import bad_request

logger = logging.getLogger(__name__)

# Addresses, query strings, headers and cookies are one line: no control character at all.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# Form fields may hold a textarea's lines and tabs.
CONTROL_CHARACTERS_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Headers may hold a tab (RFC 9110 allows it inside a field value).
CONTROL_CHARACTERS_IN_HEADER = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
MAX_QUERY_VALUE_LENGTH = 2000


def _items(querydict):
    for key, values in querydict.lists():
        yield key
        yield from values


def problem(request):
    """Why ``request`` is refused (for the log), or ""."""
    if CONTROL_CHARACTERS.search(request.path_info):
        return "control character in the path"
    for value in _items(request.GET):
        if CONTROL_CHARACTERS.search(value):
            return "control character in the query string"
        if len(value) > MAX_QUERY_VALUE_LENGTH:
            return "over-long query value"
    for name, value in request.META.items():
        if name.startswith("HTTP_") and isinstance(value, str) and CONTROL_CHARACTERS_IN_HEADER.search(value):
            return f"control character in the {name} header"
    if request.method == "POST":
        # Parsed as the views would parse it (CsrfViewMiddleware reads it too); a JSON
        # body leaves it empty.
        for value in _items(request.POST):
            if CONTROL_CHARACTERS_IN_TEXT.search(value):
                return "control character in a form field"
        for upload in request.FILES.values():
            if CONTROL_CHARACTERS.search(upload.name or ""):
                return "control character in a file name"
    return ""


class MalformedInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name in [name for name, value in request.COOKIES.items() if CONTROL_CHARACTERS.search(value)]:
            del request.COOKIES[name]
        if reason := problem(request):
            logger.warning("Malformed request refused (%s): %r", reason, request.path_info[:200])
            return bad_request(request)
        return self.get_response(request)
