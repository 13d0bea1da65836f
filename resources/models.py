"""Sections of the members' space whose content is written in the Wagtail admin.

Each section has its own page type so that its feature (filters, child page
types, routes) grows on it without changing the page tree.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage, IndexPage

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
from .feed_tokens import FeedToken  # noqa: F401
from .library import ResourceIndexMixin, ResourcePage, ResourcePageTag  # noqa: F401
from .news import (  # noqa: F401
    NewsIndexMixin,
    NewsPage,
    NewsPageTag,
    PublicationIndexPage,
    PublicationPage,
    PublicationPageTag,
)
from .watch import WatchIndexMixin, WatchPage, WatchPageTag  # noqa: F401


class SpaceSectionPage(IndexPage):
    parent_page_types = ["home.SpacePage"]

    class Meta:
        abstract = True


class ResourceIndexPage(ResourceIndexMixin, SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Ressources"


class WatchIndexPage(WatchIndexMixin, SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Veille documentaire"


class NewsIndexPage(NewsIndexMixin, SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Actualités du réseau"


class TrainingIndexPage(SpaceSectionPage):
    max_count = 1
    subpage_types = ["resources.TrainingPage"]
    template = "resources/training_index_page.html"

    def get_context(self, request, *args, **kwargs):
        from network.models import Event

        context = super().get_context(request, *args, **kwargs)
        context["next_sessions"] = (
            Event.objects.visible_to(request.user)
            .upcoming()
            .filter(training__isnull=False, training__live=True)
            .with_counts()
            .with_status_of(request.user)
            .select_related("training")[:10]
        )
        return context

    class Meta:
        verbose_name = "Formations"


class ExchangeIndexPage(ExchangeRoutes, SpaceSectionPage):
    """/espace/echanges/: every exchange address is a route of this page (resources/exchanges/routes.py),
    so the space's view restriction covers them all."""

    max_count = 1

    class Meta:
        verbose_name = "Échanges de pratiques"


class TrainingPage(BasePage):
    """A training of the network: its content, and its sessions (events) members register to."""

    objectives = RichTextField("Objectifs", blank=True, features=RICH_TEXT_FEATURES)
    programme = RichTextField("Programme", blank=True, features=RICH_TEXT_FEATURES)
    trainer = models.CharField("Formateur ou formatrice", max_length=200, blank=True)

    search_fields = BasePage.search_fields + [
        index.SearchField("objectives"),
        index.SearchField("programme"),
        index.SearchField("trainer"),
    ]
    content_panels = BasePage.content_panels[:2] + [
        FieldPanel("objectives"),
        FieldPanel("programme"),
        FieldPanel("trainer"),
        InlinePanel("materials", label="Supports (documents)"),
        FieldPanel("body"),
    ]
    parent_page_types = ["resources.TrainingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Formation"
        verbose_name_plural = "Formations"

    def upcoming_sessions(self, user):
        from network.models import Event

        return Event.objects.visible_to(user).upcoming().filter(training=self).with_counts().with_status_of(user)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = self.upcoming_sessions(request.user)
        context["materials"] = self.materials.select_related("document")
        return context


class TrainingMaterial(Orderable):
    page = ParentalKey(TrainingPage, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Document", on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField("Intitulé", max_length=200, blank=True, help_text="Par défaut, le titre du document.")

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = "Support de formation"
        verbose_name_plural = "Supports de formation"

    @property
    def title(self):
        return self.label or self.document.title
