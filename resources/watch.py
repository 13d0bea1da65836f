"""The news watch (veille documentaire): external articles and reports, briefly
commented by the coordinator. Only a title, a link and one line are required."""

import datetime

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.models import Page
from wagtail.search import index

from .listing import FilteredIndexMixin, SectionItemMixin


class WatchPageTag(TaggedItemBase):
    content_object = ParentalKey("resources.WatchPage", related_name="tagged_items", on_delete=models.CASCADE)


class WatchPage(SectionItemMixin, Page):
    link = models.URLField("Lien vers l'article ou le rapport", max_length=500)
    commentary = models.TextField(
        "Commentaire", help_text="Une ligne suffit : pourquoi cette lecture est utile au réseau."
    )
    source = models.CharField("Source", max_length=200, blank=True, help_text="Média, institution ou auteur.")
    date = models.DateField("Date", default=datetime.date.today)
    tags = ClusterTaggableManager("Étiquettes", through=WatchPageTag, blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("commentary"),
        index.SearchField("source"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("link"),
        FieldPanel("commentary"),
        FieldPanel("source"),
        FieldPanel("date"),
        FieldPanel("tags"),
    ]
    parent_page_types = ["resources.WatchIndexPage"]
    subpage_types = []
    template = "resources/watch_page.html"

    class Meta:
        verbose_name = "Article de veille"
        verbose_name_plural = "Articles de veille"

    @property
    def intro(self):
        """The commentary stands for the summary in lists and search results."""
        return self.commentary


class WatchIndexMixin(FilteredIndexMixin):
    child_model = WatchPage
    subpage_types = ["resources.WatchPage"]
