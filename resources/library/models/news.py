"""Network news: members' news in the space, public publications on the local page."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from resources.library.listing import FilteredIndexMixin, SectionItemMixin
from workspace.accounts.access import exclude_hidden_subtrees
from workspace.pages.models import BasePage


class BaseNewsPage(SectionItemMixin, BasePage):
    date = models.DateField("Date", default=datetime.date.today)
    featured = models.BooleanField(
        "À la une",
        default=False,
        help_text="L'actualité à la une la plus récente est mise en avant sur la page d'accueil de sa rubrique.",
    )

    search_fields = BasePage.search_fields + [
        index.FilterField("date"),
        index.FilterField("featured"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    content_panels = BasePage.content_panels[:1] + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("date"), FieldPanel("featured"), FieldPanel("tags")], heading="Publication"),
        FieldPanel("body"),
    ]
    subpage_types = []

    class Meta:
        abstract = True

    @classmethod
    def featured_for(cls, user):
        """The item to put forward for ``user``: the latest featured one, else the latest."""
        pages = exclude_hidden_subtrees(cls.objects.live(), user)
        return pages.order_by("-featured", "-date", "-pk").first()


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("library.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsPage(BaseNewsPage):
    """News of the network, for members (under /espace/actualites/)."""

    tags = ClusterTaggableManager("Étiquettes", through=NewsPageTag, blank=True)
    parent_page_types = ["library.NewsIndexPage"]

    class Meta:
        verbose_name = "Actualité du réseau"
        verbose_name_plural = "Actualités du réseau"


class PublicationPageTag(TaggedItemBase):
    content_object = ParentalKey("library.PublicationPage", related_name="tagged_items", on_delete=models.CASCADE)


# The addresses of PublicationIndexPage's own routes (sections.py): a publication of that address
# would never be served, the route answering first.
PUBLICATIONS_ROUTES = ("rss",)


class PublicationForm(WagtailAdminPageForm):
    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug in PUBLICATIONS_ROUTES:
            raise ValidationError(
                f"L'adresse « {slug} » est celle du flux des publications : choisissez-en une autre.",
                code="reserved_slug",
            )
        return slug


class PublicationPage(BaseNewsPage):
    """Public news of the network (under /publications/)."""

    tags = ClusterTaggableManager("Étiquettes", through=PublicationPageTag, blank=True)
    parent_page_types = ["library.PublicationIndexPage"]
    base_form_class = PublicationForm

    class Meta:
        verbose_name = "Publication"
        verbose_name_plural = "Publications"


class NewsIndexMixin(FilteredIndexMixin):
    child_model = NewsPage
    subpage_types = ["library.NewsPage"]
