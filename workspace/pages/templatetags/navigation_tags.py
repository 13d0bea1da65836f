from django import template
from wagtail.models import Site

from workspace.accounts.access import exclude_hidden_subtrees

register = template.Library()

FOOTER_SLUGS = ("le-dispositif", "charte", "devenir-promeneur", "contact", "mentions-legales", "accessibilite")


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages in the menu that the visitor may see: members see the
    space, committee members their committees' area, the public neither."""
    request = context["request"]
    root = _site_root(request)
    if root is None:
        return []
    return list(exclude_hidden_subtrees(root.get_children().live().in_menu(), request.user))


@register.simple_tag(takes_context=True)
def footer_links(context):
    root = _site_root(context["request"])
    if root is None:
        return []
    visible = exclude_hidden_subtrees(root.get_children().live(), context["request"].user)
    pages = {p.slug: p for p in visible.filter(slug__in=FOOTER_SLUGS)}
    return [pages[slug] for slug in FOOTER_SLUGS if slug in pages]
