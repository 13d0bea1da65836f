"""The page classes every app builds on, and the two restricted roots of the tree:
the members' space (/espace/) and the committees' home (/comites/)."""

from django.core.cache import cache
from django.db import models, transaction
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from workspace.accounts.access import exclude_hidden_subtrees
from workspace.accounts.visits import since_last_visit
from workspace.pages import member_home, navigation
from workspace.pages.blocks import BodyBlock
from workspace.pages.pagination import paginate


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
        context["children"], context["page_notice"] = paginate(
            self.visible_children(request.user), request.GET.get("page"), self.per_page
        )
        return context

    class Meta:
        abstract = True


class SpacePage(IndexPage):
    """Home of the members' space; its view restriction covers everything below it.

    The features put their blocks on it through the ``register_space_home_block`` hook
    (workspace/pages/member_home.py)."""

    max_count = 1

    def get_context(self, request, *args, **kwargs):
        # The space's home lists its sections, not its children: skip IndexPage's paginated list.
        context = BasePage.get_context(self, request, *args, **kwargs)
        context["sections"] = navigation.sections(self, request)
        context["places"] = member_home.home_places(request, since_last_visit(request))
        return context

    class Meta:
        verbose_name = "Espace membres"


class SpaceSectionPage(IndexPage):
    """A section of the members' space (ressources, veille, agenda…): one of each."""

    max_count = 1
    parent_page_types = ["pages.SpacePage"]

    class Meta:
        abstract = True


class CommitteeIndexPage(IndexPage):
    """/comites/: the committees' pages (network.coordination.CommitteePage, beside their meetings)
    and what the committees share (the key figures)."""

    max_count = 1

    class Meta:
        verbose_name = "Accueil des comités"


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

    # Every page's footer reads these: kept in the shared cache, forgotten when they are saved.
    @classmethod
    def cache_key(cls, site_id):
        return f"network-settings:{site_id}"

    @classmethod
    def for_site(cls, site):
        if site is None:
            return super().for_site(site)
        instance = cache.get(cls.cache_key(site.pk))
        if instance is None:
            instance = super().for_site(site)
            cache.set(cls.cache_key(site.pk), instance, None)
        return instance

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.forget()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.forget()
        return result

    def forget(self):
        key = self.cache_key(self.site_id)
        cache.delete(key)
        transaction.on_commit(lambda: cache.delete(key))
