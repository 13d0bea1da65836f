from wagtail import hooks

from workspace.accounts.roles import is_coordination

from .blocks import CockpitPanel


@hooks.register("construct_homepage_panels")
def show_the_cockpit(request, panels):
    if is_coordination(request.user):
        panels.insert(0, CockpitPanel(request))


# After the hooks of wagtail.images, wagtail.documents… that add the summary items.
@hooks.register("construct_homepage_summary_items", order=1000)
def hide_the_site_summary(request, summary_items):
    """Coordination lands on what needs them now: "96 pages, 0 images" tells them nothing."""
    if is_coordination(request.user):
        summary_items[:] = []
