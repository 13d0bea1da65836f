"""The public pages' cache (wagtail-cache, settings WAGTAIL_CACHE*): what it never keeps, and when
it is emptied.

Only visitors who are not logged in are served from it, and only while they carry neither a
session nor a flash message: what depends on a person never comes from the shared cache. It is
emptied whole whenever something the public may see changes (a page published, moved or deleted,
a restriction, a promeneur's listing or consent, an event…): such writes are rare, and a page that
wrongly stayed public would break the site's promise. Its entries also expire (PAGE_CACHE_SECONDS).
"""

import functools

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import transaction
from django.utils.cache import patch_cache_control
from wagtail import hooks
from wagtail.models import Page
from wagtailcache.cache import clear_cache

from workspace.app_traits import ShownToThePublic

# Besides the apps whose AppConfig is ShownToThePublic (workspace/app_traits.py), the third-party apps
# whose records a public page may show.
PUBLIC_THIRD_PARTY_APPS = ("wagtailcore", "wagtailimages", "wagtaildocs", "wagtailredirects", "taggit")


@functools.cache
def public_content_apps():
    """The labels of the apps whose records a public page may show."""
    ours = (config.label for config in apps.get_app_configs() if isinstance(config, ShownToThePublic))
    return frozenset((*PUBLIC_THIRD_PARTY_APPS, *ours))


@hooks.register("is_request_cacheable")
def only_for_anonymous_visitors_without_state(request, is_cacheable):
    if settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in request.COOKIES:
        return False
    return is_cacheable


def forget_public_pages(sender=None, instance=None, **kwargs):
    """Connected to the writes of every model (pages/apps.py) and to Wagtail's page signals."""
    is_page = isinstance(instance, Page) or (isinstance(sender, type) and issubclass(sender, Page))
    if not is_page and (sender is None or sender._meta.app_label not in public_content_apps()):
        return
    clear_cache()
    # And once the change is committed: a request in between may have cached the old page.
    transaction.on_commit(clear_cache)


@hooks.register("is_response_cacheable")
def never_a_response_that_sets_a_cookie(response, is_cacheable):
    # A CSRF token or a session started for this visitor must not reach the next one.
    if response.cookies:
        return False
    return is_cacheable


class BrowsersRevalidateMiddleware:
    """The server's cache is emptied on publish; a browser's is not. Pages served through the
    page cache tell browsers to ask again each time, so that a visitor who logs in, or comes
    back after a change, never sees yesterday's page from their own browser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("X-Wagtail-Cache") in ("hit", "miss"):
            response["Cache-Control"] = "no-cache"
            del response["Expires"]
        elif getattr(request, "user", None) is not None and request.user.is_authenticated:
            # A member's page is theirs: no shared cache on the way may keep it.
            patch_cache_control(response, private=True)
        return response
