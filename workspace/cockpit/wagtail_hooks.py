from django.urls import path
from wagtail import hooks
from wagtail.admin.views.home import UserObjectsInWorkflowModerationPanel, WorkflowObjectsToModeratePanel
from wagtail.models import WorkflowState

from workspace.accounts.roles import is_coordination

from . import views
from .blocks import CockpitPanel

WORKFLOW_PANELS = (WorkflowObjectsToModeratePanel, UserObjectsInWorkflowModerationPanel)


@hooks.register("construct_homepage_panels")
def show_the_cockpit(request, panels):
    if is_coordination(request.user):
        panels.insert(0, CockpitPanel(request))


@hooks.register("construct_homepage_panels")
def leave_out_empty_moderation_panels(request, panels):
    """Wagtail's two moderation panels (pages awaiting your review, your pages in moderation) cost
    six queries, and are empty when nothing is in moderation: the coordination (one or two people)
    publishes directly. One query tells; they come back as soon as a page or a snippet is sent to
    a workflow. Wagtail's other panels stay: the pages you edited last, the pages you locked."""
    if not WorkflowState.objects.active().exists():
        panels[:] = [panel for panel in panels if not isinstance(panel, WORKFLOW_PANELS)]


# After the hooks of wagtail.images, wagtail.documents… that add the summary items.
@hooks.register("construct_homepage_summary_items", order=1000)
def hide_the_site_summary(request, summary_items):
    """Coordination lands on what needs them now: "96 pages, 0 images" tells them nothing."""
    if is_coordination(request.user):
        summary_items[:] = []


@hooks.register("register_admin_urls")
def register_block_pages():
    return [path("cockpit/<slug:name>/", views.block_items, name="cockpit_block")]


@hooks.register("construct_help_menu")
def keep_only_the_shortcuts_in_the_help_menu(request, menu_items):
    """Wagtail's help menu leads to its own pages in English (what is new in this version, its
    editor guide) and announces them as new (« 2 nouvel élément »): the coordination's guide is
    docs/coordination.md. The keyboard shortcuts stay."""
    menu_items[:] = [item for item in menu_items if item.name == "keyboard-shortcuts-trigger"]
