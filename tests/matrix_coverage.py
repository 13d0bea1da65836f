"""What the access matrix must cover, and what its rows reach.

The site's addresses are: every URL pattern of our apps (those of our URL modules, those
whose view lives in our packages, those of the Wagtail admin viewsets of our models, and those of
the wagtail-modeladmin screens of our models),
every route of our routable pages, and every page type of our apps (a row must open a live
page of that type). ``uncovered(addresses)`` lists those that no address of the matrix reaches.
Wagtail's and Django's own pages (the admin's pages, images, documents, users…) are out of scope.
"""

import inspect
from urllib.parse import urlsplit

from django.apps import apps
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern
from wagtail.admin.viewsets import viewsets
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site, get_page_models

OUR_PACKAGES = ("workspace", "network", "resources", "home")

# URL patterns of ours that no row needs to reach ({route: reason}). None today: every one,
# down to the admin choosers and the POST-only actions, has its row.
EXCLUDED = {}


def is_ours(module_name):
    return module_name.split(".")[0] in OUR_PACKAGES


def _module_name(urlconf):
    if isinstance(urlconf, str):
        return urlconf
    return getattr(urlconf, "__name__", "")


def view_module(pattern):
    callback = pattern.callback
    view_class = getattr(callback, "view_class", None)
    return (view_class or callback).__module__


def modeladmin_module(pattern):
    """The module of the model a wagtail-modeladmin screen shows, or "". Its views are methods of the
    registered ModelAdmin (``ModelAdmin.index_view``…, under the admin's decorators), without a
    namespace: the view's module is wagtail_modeladmin's, only the ModelAdmin knows the model."""
    model_admin = getattr(inspect.unwrap(pattern.callback), "__self__", None)
    model = getattr(model_admin, "model", None)
    return model.__module__ if isinstance(model, type) else ""


def our_viewset_namespaces():
    """The URL namespaces of the admin viewsets (snippets, choosers, model viewsets) of our models."""
    namespaces = set()
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if isinstance(model, str):
            model = apps.get_model(model)
        if is_ours(type(viewset).__module__) or (model is not None and is_ours(model.__module__)):
            namespaces.add(viewset.url_namespace)
    return namespaces


def walk(patterns, route="", namespace="", urlconf=""):
    for pattern in patterns:
        joined = URLResolver._join_route(route, str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            inner = _module_name(pattern.urlconf_name) or urlconf
            yield from walk(pattern.url_patterns, joined, pattern.namespace or namespace, inner)
        elif isinstance(pattern, URLPattern):
            yield joined, namespace, urlconf, pattern


def our_url_patterns():
    """{route: name} of our URL patterns under the current ROOT_URLCONF."""
    resolver = get_resolver()
    # Loading the URL conf registers the admin viewsets: it comes before reading their namespaces.
    patterns = resolver.url_patterns
    namespaces = our_viewset_namespaces()
    found = {}
    for route, namespace, urlconf, pattern in walk(patterns, urlconf=_module_name(resolver.urlconf_name)):
        if (
            is_ours(urlconf)
            or is_ours(view_module(pattern))
            or is_ours(modeladmin_module(pattern))
            or namespace in namespaces
        ):
            found.setdefault(route, f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return found


def our_page_models():
    return [model for model in get_page_models() if is_ours(model.__module__)]


def _subpage_route(pattern):
    return str(pattern.pattern).removeprefix("^")


def addresses_to_cover(page_models=None):
    """{key: label} of what the matrix must reach."""
    page_models = our_page_models() if page_models is None else page_models
    wanted = {
        ("url", route): f"URL /{route} ({name or 'sans nom'})"
        for route, name in our_url_patterns().items()
        if route not in EXCLUDED
    }
    for model in page_models:
        wanted[("page", model._meta.label)] = f"type de page {model._meta.label}"
        if issubclass(model, RoutablePageMixin):
            for pattern in model.get_subpage_urls():
                route = _subpage_route(pattern)
                wanted[("route", model._meta.label, route)] = f"route {model._meta.label} « {route} » ({pattern.name})"
    return wanted


def _page_at(path):
    """The deepest live page at the start of ``path``, and the rest of the path."""
    root = Site.objects.get(is_default_site=True).root_page
    prefix = root.url_path.rstrip("/") + "/"
    parts = [part for part in path.strip("/").split("/") if part]
    candidates = {prefix + "".join(part + "/" for part in parts[:length]): length for length in range(len(parts) + 1)}
    page = Page.objects.live().filter(url_path__in=candidates).order_by("-depth").first()
    if page is None:
        return None, ""
    return page.specific, "".join(part + "/" for part in parts[candidates[page.url_path] :])


def reached_by(address):
    """The keys (URL pattern, route, page type) that one matrix address reaches."""
    path = urlsplit(address).path
    try:
        match = resolve(path)
    except Resolver404:
        return set()
    if match.url_name != "wagtail_serve":
        return {("url", match.route)}
    page, rest = _page_at(path)
    if page is None:
        return set()
    label = page._meta.label
    if not isinstance(page, RoutablePageMixin):
        return set() if rest else {("page", label)}
    # The page's routes read afresh, not from Wagtail's resolver cached on the class.
    routes = URLResolver(RegexPattern(r"^/"), type(page).get_subpage_urls())
    try:
        sub = routes.resolve("/" + rest)
    except Resolver404:
        return set()
    return {("page", label), ("route", label, sub.route.removeprefix("^"))}


def uncovered(addresses, page_models=None):
    """The labels of what no address reaches, sorted."""
    reached = set().union(*(reached_by(address) for address in addresses))
    wanted = addresses_to_cover(page_models)
    return sorted(label for key, label in wanted.items() if key not in reached)


def stale_exclusions():
    """Exclusions that name no URL pattern any more."""
    return sorted(set(EXCLUDED) - set(our_url_patterns()))
