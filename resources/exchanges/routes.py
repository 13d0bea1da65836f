"""The addresses of the exchanges, as routes of the page /espace/echanges/ (ExchangeIndexPage)."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from resources.exchanges import message_views, state_views, views


class ExchangeRoutes(RoutablePageMixin):
    @path("", name="list")
    def discussion_list(self, request):
        return views.discussion_list(request, self)

    @path("nouvelle/", name="new")
    def new_discussion(self, request):
        return views.new_discussion(request, self)

    @path("preferences/", name="preferences")
    def preferences(self, request):
        return state_views.preferences(request, self)

    @path("<int:pk>/", name="discussion")
    def discussion(self, request, pk):
        return views.discussion_detail(request, self, pk)

    @path("<int:pk>/repondre/", name="reply")
    def reply(self, request, pk):
        return views.reply(request, self, pk)

    @path("<int:pk>/suivre/", name="follow")
    def follow(self, request, pk):
        return state_views.follow_discussion(request, self, pk)

    @path("<int:pk>/cloturer/", name="close")
    def close(self, request, pk):
        return state_views.close_discussion(request, self, pk)

    @path("<int:pk>/faq/", name="faq")
    def make_faq(self, request, pk):
        return state_views.make_faq(request, self, pk)

    @path("message/<int:pk>/modifier/", name="edit")
    def edit_message(self, request, pk):
        return message_views.edit_message(request, self, pk)

    @path("message/<int:pk>/retirer/", name="delete")
    def delete_message(self, request, pk):
        return message_views.delete_message(request, self, pk)

    @path("message/<int:pk>/historique/", name="history")
    def message_history(self, request, pk):
        return message_views.message_history(request, self, pk)

    @path("message/<int:pk>/signaler/", name="report")
    def report_message(self, request, pk):
        return message_views.report_message(request, self, pk)

    @path("message/<int:pk>/moderer/", name="moderate")
    def moderate_message(self, request, pk):
        return message_views.moderate_message(request, self, pk)

    @path("message/<int:pk>/reponse/", name="answer")
    def mark_answer(self, request, pk):
        return state_views.mark_answer(request, self, pk)
