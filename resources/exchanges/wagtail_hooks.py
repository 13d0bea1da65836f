from wagtail import hooks
from wagtail.snippets.models import register_snippet

from network.directory.privacy import iso
from resources.exchanges.digest import digest_list
from workspace.search.types import SearchType

from . import home_blocks, sessions
from .cockpit import ReportedMessagesBlock
from .models import Message
from .search import find_discussions
from .viewsets import ExchangesViewSetGroup

register_snippet(ExchangesViewSetGroup)


@hooks.register("register_search_type")
def discussions_search_type():
    return [SearchType("echanges", "Échanges entre promeneurs", members_only=True, find=find_discussions)]


hooks.register("register_cockpit_block", ReportedMessagesBlock)


@hooks.register("register_event_form_field")
def discussed_exchanges_field():
    return sessions.DiscussedExchangesField()


@hooks.register("event_page_sections")
def discussed_exchanges_section(request, event):
    return sessions.event_page_section(request, event)


@hooks.register("register_personal_data")
def messages_in_personal_data(user, promeneur):
    messages = Message.objects.filter(author=user).select_related("discussion").order_by("created_at")
    return {
        "messages_echanges": [
            {"discussion": message.discussion.title, "ecrit_le": iso(message.created_at), "texte": message.body}
            for message in messages
        ]
    }


@hooks.register("register_mailing_list")
def digest_mailing_list():
    return digest_list()


for home_block in (home_blocks.RepliesToMeBlock, home_blocks.NewDiscussionsBlock, home_blocks.NetworkTalkBlock):
    hooks.register("register_space_home_block", home_block)
