"""The exchanges' blocks on the members' home (workspace/pages/member_home.py): replies and answers
to my discussions since my last visit, the latest discussions in the "nouveau" list, and where the
network is talking (questions still waiting for an answer first)."""

from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Left
from django.utils import timezone

from resources.exchanges.models import Discussion, ExchangeIndexPage, Message
from resources.exchanges.models.discussions import Kind
from resources.exchanges.text import shorten
from workspace.accounts.roles import is_member
from workspace.display import count_of, french_date, of, person_name
from workspace.pages import member_home, navigation

# The network's talk: discussions active in the last two months.
RECENT = timezone.timedelta(days=60)


def discussion_url(request, discussion):
    index_url = navigation.url_of_first(ExchangeIndexPage, request)
    return f"{index_url}{discussion.pk}/" if index_url else ""


def replies_label(count):
    return count_of(count, "réponse")


class RepliesToMeBlock(member_home.HomeBlock):
    """My discussions that someone else answered since my last visit (a member always reads their
    own discussions, hidden ones included: the exchanges' rule)."""

    name = "reponses"
    title = "Réponses à mes discussions"
    order = 30

    def get_items(self, request, since):
        user = request.user
        replied = Q(last_activity_at__gt=since) & ~Q(last_author=user)
        answered = Q(answer__created_at__gt=since) & ~Q(answer__author=user)
        discussions = (
            Discussion.objects.filter(author=user)
            .filter(replied | answered)
            .select_related("last_author")
            .order_by("-last_activity_at", "-pk")[: self.limit]
        )
        return [
            member_home.HomeItem(
                f"« {discussion.title} »",
                discussion_url(request, discussion),
                detail=(
                    f"Dernière réponse {of(person_name(discussion.last_author))}"
                    if discussion.last_author and discussion.last_author != user
                    else replies_label(discussion.reply_count)
                )
                + f" · {french_date(discussion.last_activity_at, 'j F')}",
                badge="Réponse retenue" if discussion.is_resolved and discussion.kind == Kind.QUESTION else "",
            )
            for discussion in discussions
        ]


class SharedDiscussionsBlock(member_home.HomeBlock):
    place = member_home.NETWORK
    shared = True

    def is_shown(self, request):
        return is_member(request.user)

    def shared_key(self, request):
        return "membres"


class NewDiscussionsBlock(SharedDiscussionsBlock):
    name = "nouvelles-discussions"
    title = "Échanges"
    place = member_home.NEW

    def get_items(self, request, since):
        opening = Message.objects.filter(discussion=OuterRef("pk"), is_opening=True).values("body_text")[:1]
        discussions = (
            Discussion.objects.visible_to_every_member()
            .annotate(opening_text=Left(Subquery(opening), 300))
            .order_by("-created_at", "-pk")[: self.limit]
        )
        return [
            member_home.HomeItem(
                discussion.title,
                discussion_url(request, discussion),
                date=discussion.created_at,
                section=self.title,
                summary=shorten(discussion.opening_text or "", 160),
            )
            for discussion in discussions
        ]


class NetworkTalkBlock(SharedDiscussionsBlock):
    name = "le-reseau-echange"
    title = "Discussions en cours"
    order = 20

    def get_items(self, request, since):
        discussions = (
            Discussion.objects.visible_to_every_member()
            .filter(last_activity_at__gte=timezone.now() - RECENT)
            .with_waiting()
            .order_by("waiting", "-last_activity_at", "-pk")[: self.limit]
        )
        return [
            member_home.HomeItem(
                discussion.title,
                discussion_url(request, discussion),
                detail=f"{replies_label(discussion.reply_count)} · dernière activité le "
                f"{french_date(discussion.last_activity_at, 'j F')}",
                badge="Question sans réponse retenue : aidez un collègue" if discussion.waiting == 0 else "",
            )
            for discussion in discussions
        ]
