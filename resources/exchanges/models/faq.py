"""FAQ entries made from answered questions, and the two pages that list them."""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from resources.exchanges.models.discussions import Category, Discussion
from resources.exchanges.text import render_markdown
from workspace.display import FEMININE
from workspace.fields import optional_link
from workspace.pages.models import BasePage


class Visibility(models.TextChoices):
    PUBLIC = "public", "Publique (page /faq/ du site)"
    MEMBERS = "members", "Réservée aux membres (/espace/faq/)"


class FaqEntryQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=Visibility.PUBLIC)


class FaqEntry(models.Model):
    question = models.CharField("Question", max_length=200)
    answer = models.TextField("Réponse (Markdown)")
    answer_html = models.TextField(editable=False, default="")
    category = models.CharField("Catégorie", max_length=30, choices=Category.choices)
    visibility = models.CharField("Visibilité", max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS)
    discussion = optional_link(Discussion, "Discussion d'origine", one_to_one=True, related_name="faq_entry")
    created_at = models.DateTimeField("Créée le", default=timezone.now)
    updated_at = models.DateTimeField("Modifiée le", auto_now=True)

    objects = FaqEntryQuerySet.as_manager()

    panels = [
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("category"),
        FieldPanel("visibility"),
    ]

    grammatical_gender = FEMININE  # « une … » in the admin's sentences (workspace/display.Noun)

    class Meta:
        verbose_name = "Entrée de FAQ"
        verbose_name_plural = "Entrées de FAQ"
        ordering = ["category", "question"]

    def __str__(self):
        return self.question

    def save(self, *args, **kwargs):
        self.answer_html = render_markdown(self.answer)
        super().save(*args, **kwargs)

    @classmethod
    def from_discussion(cls, discussion, visibility):
        """One action: the question's title and its retained answer become an entry."""
        return cls.objects.create(
            question=discussion.title,
            answer=discussion.answer.body,
            category=discussion.category,
            visibility=visibility,
            discussion=discussion,
        )


def entries_by_category(entries):
    """[(category label, [entries])] in the order of the categories."""
    groups = {value: [] for value in Category.values}
    for entry in entries:
        groups[entry.category].append(entry)
    return [(Category(value).label, items) for value, items in groups.items() if items]


class FaqPageMixin:
    """One FAQ page per audience, each listing its entries by category."""

    subpage_types = []
    max_count = 1

    def get_template(self, request, *args, **kwargs):
        # Wagtail names a template per page class; both FAQ pages share one.
        return "exchanges/faq_page.html"

    def faq_entries(self):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["categories"] = entries_by_category(self.faq_entries())
        return context


class MembersFaqPage(FaqPageMixin, BasePage):
    """/espace/faq/: every entry, members-only and public ones (under the space's restriction)."""

    parent_page_types = ["pages.SpacePage"]

    def faq_entries(self):
        return FaqEntry.objects.all()

    class Meta:
        verbose_name = "FAQ des membres"


class PublicFaqPage(FaqPageMixin, BasePage):
    """/faq/: the public entries only."""

    def faq_entries(self):
        return FaqEntry.objects.public()

    class Meta:
        verbose_name = "Foire aux questions"
