from wagtail import hooks
from wagtail.snippets.models import register_snippet

from network.coordination.committee_blocks import CommitteePapersBlock, OverdueDecisionsBlock
from network.coordination.secretariat import AGENDA, MINUTES
from network.coordination.viewsets.committees import MeetingViewSet, publish_menu_item

register_snippet(MeetingViewSet)


@hooks.register("register_snippet_action_menu_item")
def publish_agenda_menu_item(model):
    return publish_menu_item(model, AGENDA)


@hooks.register("register_snippet_action_menu_item")
def publish_minutes_menu_item(model):
    return publish_menu_item(model, MINUTES)


@hooks.register("register_cockpit_block")
def committee_papers_block():
    return CommitteePapersBlock()


@hooks.register("register_cockpit_block")
def overdue_decisions_block():
    return OverdueDecisionsBlock()
