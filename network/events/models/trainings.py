"""Trainings (/espace/formations/): a page per training, whose sessions are events."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from network.events.models.events import Event
from workspace.pages.blocks import RICH_TEXT_FEATURES
from workspace.pages.models import BasePage, SpaceSectionPage


class TrainingIndexPage(SpaceSectionPage):
    subpage_types = ["events.TrainingPage"]
    template = "events/training_index_page.html"

    def get_context(self, request, *args, **kwargs):
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
    parent_page_types = ["events.TrainingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Formation"
        verbose_name_plural = "Formations"

    def upcoming_sessions(self, user):
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
