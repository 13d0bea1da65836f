"""Helpers to find the pages created by migrations and to add published pages."""

from wagtail.models import Page


def page_at(url_path):
    """The page served at ``url_path`` on the default site (e.g. "/espace/ressources/")."""
    return Page.objects.get(url_path="/accueil" + url_path).specific


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def public_sheet():
    """The address of the first promeneur's public sheet."""
    from network.directory.models import Promeneur

    return f"/annuaire/{Promeneur.objects.publicly_listed().order_by('pk').first().slug}/"


def latest_discussion():
    """The address of the discussion with the latest activity."""
    from resources.exchanges.models.discussions import Discussion

    return f"/espace/echanges/{Discussion.objects.filter(hidden=False).order_by('-last_activity_at').first().pk}/"


def five_years():
    """The dashboard over the last 5 complete years."""
    from network.activity.models.grids import add_months, previous_month

    last = previous_month()
    return f"/admin/activite/?start={add_months(last, -59):%Y-%m}&end={last:%Y-%m}"


def five_years_of_a_territory():
    """The dashboard filtered on the territory made last (the one of the most recent promeneurs, with grids)."""
    from network.directory.models import Territory

    return f"{five_years()}&territory={Territory.objects.order_by('-pk').values_list('pk', flat=True)[0]}"


# The key pages as the role that uses them: (role, address or a function giving it once the data is
# there, name). Their query budgets (test_query_budgets.py) and their HTML (test_html_validity.py).
KEY_PAGES = [
    ("anonymous", "/", "accueil"),
    ("anonymous", "/annuaire/", "annuaire-public"),
    ("anonymous", public_sheet, "fiche-publique"),
    ("anonymous", "/publications/", "publications"),
    ("anonymous", "/agenda/", "agenda"),
    ("anonymous", "/recherche/?q=jeunes", "recherche"),
    ("promeneur", "/espace/", "espace"),
    ("promeneur", "/espace/ressources/", "ressources"),
    ("promeneur", "/espace/veille/", "veille"),
    ("promeneur", "/espace/actualites/", "actualites"),
    ("promeneur", "/espace/echanges/", "echanges"),
    ("promeneur", latest_discussion, "discussion"),
    ("promeneur", "/espace/annuaire/", "annuaire-membres"),
    ("promeneur", "/espace/relais/", "relais"),
    ("promeneur", "/espace/mon-activite/", "mon-activite"),
    ("promeneur", "/espace/mon-activite/nouvelle/", "nouvelle-grille"),
    ("promeneur", "/espace/mon-profil/", "mon-profil"),
]

# The coordinator's key pages in the admin (query budgets and scripts/bench_pages.py).
ADMIN_KEY_PAGES = [
    ("coordination", "/admin/", "admin"),
    ("coordination", "/admin/activite/", "tableau-de-bord"),
    ("coordination", five_years, "tableau-de-bord-5-ans"),
    ("coordination", five_years_of_a_territory, "tableau-de-bord-territoire-5-ans"),
    # The cockpit's pages of the blocks that list every item (50 a page).
    ("coordination", "/admin/cockpit/promeneurs-without-convention/", "cockpit-sans-convention"),
    ("coordination", "/admin/cockpit/bilans/", "cockpit-bilans-a-faire"),
]
