"""A cockpit block of shortcuts: links to the screens of monthly tasks (write a news-watch item,
export the month's figures), so that they start from the landing page. No count; the links are
shared and kept like any block's items."""

from .blocks import CockpitBlock


class ShortcutsBlock(CockpitBlock):
    template_name = "cockpit/shortcuts.html"

    def get_links(self, request):
        """(label, url) pairs."""
        raise NotImplementedError

    def get_data(self, request):
        return {"links": self.get_links(request)}

    def get_context_data(self, parent_context):
        return {"block": self, **self.shared_data(parent_context["request"])}
