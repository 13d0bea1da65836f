"""The news watch (veille documentaire): external articles and reports, briefly
commented by the coordinator. Only a title, a link and one line are required."""

import datetime

from django.db import models
from django.utils.text import slugify
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.models import Page
from wagtail.search import index

from resources.library.listing import FilteredIndexMixin, SectionItemMixin


class WatchPageTag(TaggedItemBase):
    content_object = ParentalKey("library.WatchPage", related_name="tagged_items", on_delete=models.CASCADE)


class QuickWatchForm(WagtailAdminPageForm):
    """Only the title, the link and the commentary are required: the address (slug)
    follows the title and the date defaults to today, even without JavaScript."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("slug", "date"):
            if name in self.fields:
                self.fields[name].required = False

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("date"):
            cleaned_data["date"] = datetime.date.today()
        return cleaned_data

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug:
            return slug
        base = slugify(self.data.get("title", ""))[:70] or "veille"
        slug, counter = base, 2
        while not Page._slug_is_available(slug, self.parent_page, self.instance):
            slug, counter = f"{base}-{counter}", counter + 1
        return slug


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
    base_form_class = QuickWatchForm
    parent_page_types = ["library.WatchIndexPage"]
    subpage_types = []
    template = "library/watch_page.html"

    class Meta:
        verbose_name = "Article de veille"
        verbose_name_plural = "Articles de veille"

    @property
    def intro(self):
        """The commentary stands for the summary in lists and search results."""
        return self.commentary


class WatchIndexMixin(FilteredIndexMixin):
    child_model = WatchPage
    subpage_types = ["library.WatchPage"]
