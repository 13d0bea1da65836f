from resources.exchanges.routes import ExchangeRoutes
from workspace.pages.models import SpaceSectionPage


class ExchangeIndexPage(ExchangeRoutes, SpaceSectionPage):
    """/espace/echanges/: every exchange address is a route of this page (resources/exchanges/routes.py),
    so the space's view restriction covers them all."""

    # Its addresses are its routes and its list is the discussions: a page created below it would be
    # listed nowhere, and hidden by a route of the same name (« nouvelle », « preferences »).
    subpage_types = []

    class Meta:
        verbose_name = "Échanges de pratiques"
