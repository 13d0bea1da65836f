"""The departmental charter: a page whose every publication under a new number is a version,
kept with its text, that each promeneur accepts from their space."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from network.coordination.models.charter import CharterVersion, must_accept_charter
from network.coordination.views.charter import accept_charter
from workspace.pages.blocks import RICH_TEXT_FEATURES
from workspace.pages.models import BasePage

# The rich-text editor adds its own block keys: they are no change of the text.
BLOCK_KEYS = re.compile(r'\sdata-block-key="[^"]*"')


def same_text(first, second):
    return BLOCK_KEYS.sub("", first or "").split() == BLOCK_KEYS.sub("", second or "").split()


class CharterPage(RoutablePageMixin, BasePage):
    """The charter as the public reads it (/charte/); publishing it under a new version number
    publishes a new version, which every promeneur must accept again."""

    version_label = models.CharField(
        "Numéro de version",
        max_length=20,
        help_text="Publier la page avec un nouveau numéro crée une nouvelle version : chaque promeneur devra "
        "l'accepter depuis son espace. Le texte d'une version déjà publiée ne change plus.",
    )
    text = RichTextField("Texte de la charte", features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels[:1] + [
        FieldPanel("intro"),
        FieldPanel("version_label"),
        FieldPanel("text"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("text")]
    max_count = 1
    subpage_types = []
    template = "coordination/charter_page.html"

    class Meta:
        verbose_name = "Charte départementale"

    def clean(self):
        super().clean()
        published = CharterVersion.objects.filter(label=self.version_label).first()
        if published is None:
            return
        if published != CharterVersion.current():
            raise ValidationError(
                {"version_label": f"La version {published.label} est une version ancienne : donnez un nouveau numéro."}
            )
        if not same_text(published.text, self.text):
            raise ValidationError(
                {
                    "version_label": f"La version {published.label} est déjà publiée et acceptée avec son texte : "
                    "pour changer le texte, donnez un nouveau numéro de version "
                    "(les promeneurs l'accepteront à nouveau)."
                }
            )

    def publish_version(self):
        """The version this page stands for, created the first time it is published under its number."""
        version, _ = CharterVersion.objects.get_or_create(
            label=self.version_label, defaults={"text": self.text, "published_at": timezone.now()}
        )
        return version

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["version"] = CharterVersion.current()
        context["must_accept"] = must_accept_charter(request.user)
        return context

    @path("")
    def charter(self, request):
        return self.render(request)

    @path("accepter/", name="accept")
    def accept_view(self, request):
        return accept_charter(request, self)
