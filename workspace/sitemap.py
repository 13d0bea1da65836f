"""The sitemap lists what an anonymous visitor may see, asked of the one access rule."""

from django.contrib.auth.models import AnonymousUser
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap

from workspace.accounts.access import exclude_hidden_subtrees


class PublicSitemap(Sitemap):
    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True).live()
        return exclude_hidden_subtrees(pages, AnonymousUser()).order_by("path").defer_streamfields().specific()
