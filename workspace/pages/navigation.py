"""The site's menus (header, footer, the space's sections), kept in the shared cache.

Every page shows them, and they change only when a page is published, unpublished, moved or
deleted: they are built once for everyone who may see the same pages (the same hidden subtrees),
and built again after such a change (``forget_navigation``, connected in pages/apps.py).
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page, Site

from workspace.accounts.access import exclude_hidden_subtrees, hidden_page_paths

VERSION_KEY = "navigation:version"
CACHE_SECONDS = 24 * 3600
FOOTER_SLUGS = ("le-dispositif", "charte", "devenir-promeneur", "contact", "mentions-legales", "accessibilite")


def version():
    """Changes whenever a page is published, unpublished, moved or deleted."""
    return cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, None)


def forget_navigation(**kwargs):
    instance = kwargs.get("instance")
    if instance is not None and not isinstance(instance, Page):
        return
    cache.delete(VERSION_KEY)
    transaction.on_commit(lambda: cache.delete(VERSION_KEY))


def _links(pages, request, with_intro=False):
    return [
        {"title": page.title, "url": page.get_url(request), **({"intro": page.intro} if with_intro else {})}
        for page in pages
    ]


def _cached(name, request, build):
    seen_by = hashlib.sha256("|".join(hidden_page_paths(request.user)).encode()).hexdigest()[:16]
    key = f"navigation:{version()}:{name}:{seen_by}"
    links = cache.get(key)
    if links is None:
        links = build()
        cache.set(key, links, CACHE_SECONDS)
    return links


def _visible(pages, request):
    return exclude_hidden_subtrees(pages, request.user)


def _visible_children(page, request):
    return _visible(page.get_children().live(), request)


def main_menu(request):
    """Top-level pages in the menu that the visitor may see: members see the space, committee
    members their committees' area, the public neither."""

    def build():
        site = Site.find_for_request(request)
        return _links(_visible_children(site.root_page, request).in_menu(), request) if site else []

    return _cached("main", request, build)


def footer_links(request):
    def build():
        site = Site.find_for_request(request)
        if site is None:
            return []
        pages = {page.slug: page for page in _visible_children(site.root_page, request).filter(slug__in=FOOTER_SLUGS)}
        return _links([pages[slug] for slug in FOOTER_SLUGS if slug in pages], request)

    return _cached("footer", request, build)


def sections(page, request):
    """The sections under ``page`` shown as tiles (title, link and intro)."""
    return _cached(
        f"sections-{page.pk}",
        request,
        lambda: _links(_visible_children(page, request).in_menu().specific(), request, with_intro=True),
    )


def url_of_first(model, request):
    """The address of the first live page of ``model`` the visitor may see ("" if none): where a
    block of the members' home links to a section (my activity, my profile, the exchanges…)."""

    def build():
        page = _visible(model.objects.live(), request).order_by("path").first()
        return (page.get_url(request) or "") if page else ""

    return _cached(f"url-{model._meta.label_lower}", request, build)
