"""Sections of the members' space whose content is written in the Wagtail admin.

Each section has its own page type so that its feature (filters, child page
types, routes) grows on it without changing the page tree.
"""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home.models import IndexPage

from .exchanges import views as exchange_views
from .exchanges.faq import FaqEntry, MembersFaqPage, PublicFaqPage  # noqa: F401
from .exchanges.models import (  # noqa: F401
    Discussion,
    ExchangePreferences,
    Follow,
    Message,
    Report,
    Revision,
    TaggedDiscussion,
)


class SpaceSectionPage(IndexPage):
    parent_page_types = ["home.SpacePage"]

    class Meta:
        abstract = True


class ResourceIndexPage(SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Ressources"


class WatchIndexPage(SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Veille documentaire"


class NewsIndexPage(SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Actualités du réseau"


class TrainingIndexPage(SpaceSectionPage):
    max_count = 1

    class Meta:
        verbose_name = "Formations"


class ExchangeIndexPage(RoutablePageMixin, SpaceSectionPage):
    """/espace/echanges/: every exchange address is a route of this page, so the space's
    view restriction covers them all. The views are in resources/exchanges/views.py."""

    max_count = 1

    @path("", name="list")
    def discussion_list(self, request):
        return exchange_views.discussion_list(request, self)

    @path("nouvelle/", name="new")
    def new_discussion(self, request):
        return exchange_views.new_discussion(request, self)

    @path("preferences/", name="preferences")
    def preferences(self, request):
        return exchange_views.preferences(request, self)

    @path("<int:pk>/", name="discussion")
    def discussion(self, request, pk):
        return exchange_views.discussion_detail(request, self, pk)

    @path("<int:pk>/repondre/", name="reply")
    def reply(self, request, pk):
        return exchange_views.reply(request, self, pk)

    @path("<int:pk>/suivre/", name="follow")
    def follow(self, request, pk):
        return exchange_views.follow_discussion(request, self, pk)

    @path("<int:pk>/cloturer/", name="close")
    def close(self, request, pk):
        return exchange_views.close_discussion(request, self, pk)

    @path("<int:pk>/faq/", name="faq")
    def make_faq(self, request, pk):
        return exchange_views.make_faq(request, self, pk)

    @path("message/<int:pk>/modifier/", name="edit")
    def edit_message(self, request, pk):
        return exchange_views.edit_message(request, self, pk)

    @path("message/<int:pk>/retirer/", name="delete")
    def delete_message(self, request, pk):
        return exchange_views.delete_message(request, self, pk)

    @path("message/<int:pk>/historique/", name="history")
    def message_history(self, request, pk):
        return exchange_views.message_history(request, self, pk)

    @path("message/<int:pk>/signaler/", name="report")
    def report_message(self, request, pk):
        return exchange_views.report_message(request, self, pk)

    @path("message/<int:pk>/moderer/", name="moderate")
    def moderate_message(self, request, pk):
        return exchange_views.moderate_message(request, self, pk)

    @path("message/<int:pk>/reponse/", name="answer")
    def mark_answer(self, request, pk):
        return exchange_views.mark_answer(request, self, pk)

    class Meta:
        verbose_name = "Échanges de pratiques"
