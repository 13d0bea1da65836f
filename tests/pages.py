"""Helpers to find the pages created by migrations and to add published pages."""

from wagtail.models import Page


def page_at(url_path):
    """The page served at ``url_path`` on the default site (e.g. "/espace/ressources/")."""
    return Page.objects.get(url_path="/accueil" + url_path).specific


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
