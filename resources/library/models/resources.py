"""The resource library of the members' space: training and information materials."""

import datetime

from django.db import models
from django.db.models import Count, Q
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from resources.library.listing import FilteredIndexMixin, SectionItemMixin, visible_of_type
from workspace.pages.models import BasePage


class Category(models.TextChoices):
    LEGAL = "cadre-juridique", "Cadre juridique"
    TOOLS = "technique-et-outils", "Technique et outils"
    POSTURE = "posture-professionnelle", "Posture professionnelle"
    HEALTH = "prevention-et-sante", "Prévention et santé"
    PROJECTS = "animation-et-projets", "Animation et projets"
    TRAINING = "formation", "Formation"


class Audience(models.TextChoices):
    PROMENEURS = "promeneurs", "Promeneurs"
    NEW = "nouveaux", "Nouveaux promeneurs"
    STRUCTURES = "structures", "Structures employeuses et référents"
    ALL = "tous", "Tous les membres du réseau"


class ResourcePageTag(TaggedItemBase):
    content_object = ParentalKey("library.ResourcePage", related_name="tagged_items", on_delete=models.CASCADE)


class ResourcePage(SectionItemMixin, BasePage):
    """A training or information material: summary, body (text, documents, links,
    videos, quotes), category, audience, date and tags."""

    category = models.CharField("Catégorie", max_length=30, choices=Category.choices)
    audience = models.CharField("Public", max_length=20, choices=Audience.choices, default=Audience.PROMENEURS)
    date = models.DateField("Date", default=datetime.date.today)
    tags = ClusterTaggableManager("Étiquettes", through=ResourcePageTag, blank=True)

    search_fields = BasePage.search_fields + [
        index.FilterField("category"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    content_panels = BasePage.content_panels[:1] + [
        FieldPanel("intro", heading="Résumé"),
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("audience"), FieldPanel("date"), FieldPanel("tags")],
            heading="Classement",
        ),
        FieldPanel("body"),
    ]
    parent_page_types = ["library.ResourceIndexPage"]
    subpage_types = []
    template = "library/resource_page.html"

    class Meta:
        verbose_name = "Ressource"
        verbose_name_plural = "Ressources"

    def related_resources(self, user, limit=4):
        """Other resources the user may see, those sharing the most tags first, then
        those of the same category (one query)."""
        tag_ids = [tag.pk for tag in self.tags.all()]
        shared = Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True)
        return (
            visible_of_type(ResourcePage, self.get_parent(), user)
            .exclude(pk=self.pk)
            .filter(Q(tagged_items__tag_id__in=tag_ids) | Q(category=self.category))
            .annotate(shared_tags=shared)
            .order_by("-shared_tags", "-date", "-pk")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = self.related_resources(request.user)
        return context


class ResourceIndexMixin(FilteredIndexMixin):
    child_model = ResourcePage
    categories = Category.choices
    subpage_types = ["library.ResourcePage"]
