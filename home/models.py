from django.core.paginator import Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from workspace.accounts.access import exclude_hidden_subtrees

from .blocks import RICH_TEXT_FEATURES, BodyBlock


class BasePage(Page):
    """Intro and body: what every content page of the site has."""

    intro = models.TextField("Chapeau", blank=True, help_text="Une ou deux phrases affichées en tête de page.")
    body = StreamField(BodyBlock(), verbose_name="Contenu", blank=True, use_json_field=True)

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        abstract = True


class IndexPage(BasePage):
    """A section that lists the pages below it that the visitor may see."""

    per_page = 20

    def visible_children(self, user):
        return exclude_hidden_subtrees(self.get_children().live(), user).specific().order_by("-first_published_at")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = Paginator(self.visible_children(request.user), self.per_page).get_page(
            request.GET.get("page")
        )
        return context

    class Meta:
        abstract = True


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

    class Meta:
        verbose_name = "Page d'accueil"


class StandardPage(BasePage):
    template = "home/standard_page.html"

    class Meta:
        verbose_name = "Page standard"


class SpacePage(IndexPage):
    """Home of the members' space; its view restriction covers everything below it."""

    max_count = 1
    parent_page_types = ["home.HomePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = exclude_hidden_subtrees(self.get_children().live().in_menu(), request.user).specific()
        return context

    class Meta:
        verbose_name = "Espace membres"


class CommitteeIndexPage(IndexPage):
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.CommitteePage", "network.EvaluationFiguresPage"]

    class Meta:
        verbose_name = "Accueil des comités"


class CommitteePage(IndexPage):
    """One committee's area: agendas, documents and minutes, restricted to its group."""

    parent_page_types = ["home.CommitteeIndexPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = "Espace d'un comité"


@register_setting(icon="site")
class NetworkSettings(BaseSiteSetting):
    contact_email = models.EmailField("E-mail du réseau", default="promeneursdunet66@example.org")
    contact_phone = models.CharField("Téléphone", max_length=30, blank=True)
    address = models.TextField("Adresse postale", blank=True)
    footer_text = models.TextField(
        "Texte du pied de page",
        blank=True,
        default=(
            "Promeneurs du Net 66 : une présence éducative sur Internet, soutenue par la Caf des Pyrénées-Orientales."
        ),
    )

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("address"),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = "Coordonnées du réseau"
