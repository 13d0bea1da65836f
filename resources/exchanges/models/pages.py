from resources.exchanges.routes import ExchangeRoutes
from workspace.pages.models import SpaceSectionPage


class ExchangeIndexPage(ExchangeRoutes, SpaceSectionPage):
    """/espace/echanges/: every exchange address is a route of this page (resources/exchanges/routes.py),
    so the space's view restriction covers them all."""

    class Meta:
        verbose_name = "Échanges de pratiques"
