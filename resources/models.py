"""Sections of the members' space whose content is written in the Wagtail admin.

Each section has its own page type so that its feature (filters, child page
types, routes) grows on it without changing the page tree.
"""

from home.models import IndexPage

from .exchanges.faq import FaqEntry, MembersFaqPage, PublicFaqPage  # noqa: F401
from .exchanges.models import (  # noqa: F401
    Discussion,
    ExchangePreferences,
    Follow,
    Message,
    Report,
    Revision,
    TaggedDiscussion,
)
from .exchanges.routes import ExchangeRoutes


class SpaceSectionPage(IndexPage):
    parent_page_types = ["home.SpacePage"]

    class Meta:
        abstract = True


class ResourceIndexPage(SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Ressources"


class WatchIndexPage(SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Veille documentaire"


class NewsIndexPage(SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Actualités du réseau"


class TrainingIndexPage(SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Formations"


class ExchangeIndexPage(ExchangeRoutes, SpaceSectionPage):
    """/espace/echanges/: every exchange address is a route of this page (resources/exchanges/routes.py),
    so the space's view restriction covers them all."""

    max_count = 1

    class Meta:
        verbose_name = "Échanges de pratiques"
