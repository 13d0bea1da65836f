"""The public local page: the home page and the standard pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from workspace.pages.blocks import RICH_TEXT_FEATURES
from workspace.pages.models import BasePage


class HomePage(BasePage):
    """The public local page of the network."""

    hero_title = models.CharField("Titre d'accroche", max_length=200, blank=True)
    hero_text = RichTextField("Texte d'accroche", blank=True, features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels[:1] + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading="Accroche"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    # The public site's sections; the features' pages declare no parent, so that
    # the home page (the top layer) is the only one naming them.
    subpage_types = [
        "home.StandardPage",
        "directory.PublicDirectoryPage",
        "events.AgendaPage",
        "library.PublicationIndexPage",
        "exchanges.PublicFaqPage",
        "pages.SpacePage",
        "pages.CommitteeIndexPage",
    ]

    class Meta:
        verbose_name = "Page d'accueil"


class StandardPage(BasePage):
    template = "home/standard_page.html"

    class Meta:
        verbose_name = "Page standard"
