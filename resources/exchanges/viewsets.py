"""The coordination's side of the exchanges in the Wagtail admin: reports, discussions, FAQ."""

from django.utils.html import format_html
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from resources.exchanges.models import ExchangeIndexPage
from resources.exchanges.models.discussions import Discussion, Report
from resources.exchanges.models.faq import FaqEntry
from workspace.admin_permissions import WrittenOnTheSiteMixin
from workspace.admin_wording import FrenchWordingViewSetMixin
from workspace.display import person_name


def front_link(path, label="Voir sur le site"):
    return format_html('<a href="{}">{}</a>', path, label)


def exchanges_url():
    page = ExchangeIndexPage.objects.live().first()
    return page.url if page else "/espace/echanges/"


class MessageLinkColumn(Column):
    """Link to the reported message on the site (the exchanges' address is read once per listing)."""

    def get_value(self, instance):
        return front_link(f"{self.base_url}{instance.message.discussion_id}/#message-{instance.message_id}")


class ReportViewSet(WrittenOnTheSiteMixin, FrenchWordingViewSetMixin, SnippetViewSet):
    model = Report
    icon = "warning"
    menu_label = "Signalements"
    list_display = [
        "__str__",
        Column("reporter", label="Signalé par", accessor=lambda report: person_name(report.reporter)),
        "reason",
        "created_at",
        "handled",
        MessageLinkColumn("link", label="Message"),
    ]
    list_filter = ["handled"]
    panels = [FieldPanel("reason", read_only=True), FieldPanel("handled")]

    def get_queryset(self, request):
        MessageLinkColumn.base_url = exchanges_url()
        return Report.objects.select_related("message__discussion", "message__author", "reporter")


class DiscussionViewSet(WrittenOnTheSiteMixin, FrenchWordingViewSetMixin, SnippetViewSet):
    model = Discussion
    icon = "comment"
    menu_label = "Discussions"
    list_display = [
        "title",
        "category",
        "kind",
        Column("author", label="Auteur", accessor=lambda discussion: person_name(discussion.author)),
        "last_activity_at",
        "reply_count",
        "closed",
        "hidden",
    ]
    list_filter = ["category", "kind", "closed", "hidden"]
    search_fields = ["title"]
    panels = [FieldPanel("title"), FieldPanel("category"), FieldPanel("tags"), FieldPanel("closed")]

    def get_queryset(self, request):
        return Discussion.objects.select_related("author")


class FaqEntryViewSet(FrenchWordingViewSetMixin, SnippetViewSet):
    model = FaqEntry
    icon = "help"
    menu_label = "FAQ"
    list_display = ["question", "category", "visibility", "updated_at"]
    list_filter = ["category", "visibility"]
    search_fields = ["question", "answer"]


class ExchangesViewSetGroup(SnippetViewSetGroup):
    menu_label = "Échanges"
    menu_icon = "comment"
    menu_order = 250
    items = (ReportViewSet, DiscussionViewSet, FaqEntryViewSet)
