"""Finding the page an address names in two queries, whatever its depth.

Wagtail walks the tree one level at a time (the child by its slug, then its specific page:
two queries a level), so a page of the members' space cost six queries before it was served.
The site's root asks once for the pages along the address, then hands the rest of the address
to the deepest one, or to the first one on the way that routes on its own (a routable page's
routes come before its children's slugs), exactly where Wagtail's walk would have handed it.
"""

from wagtail.models import Page


def routes_on_its_own(page):
    page_class = page.specific_class  # from the content types' cache: no query
    return page_class is None or page_class.route is not Page.route


class RoutedByAddress:
    """For the root page of a site (the home page)."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        addresses = [f"{self.url_path}{'/'.join(path_components[:n])}/" for n in range(1, len(path_components) + 1)]
        # The slug index finds the few candidates; a page's url_path names its whole address.
        along_the_way = Page.objects.filter(
            slug__in=path_components, url_path__in=addresses, path__startswith=self.path
        ).order_by("depth")
        target = None
        for page in along_the_way:  # each the parent of the next
            target = page
            if routes_on_its_own(page):
                break
        if target is None:
            return super().route(request, path_components)  # Wagtail's 404, or a route of the root's own
        return target.specific.route(request, path_components[target.depth - self.depth :])
