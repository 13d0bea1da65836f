"""Finding the page an address names in two queries, whatever its depth.

Wagtail walks the tree one level at a time (the child by its slug, then its specific page:
two queries a level), so a page of the members' space cost six queries before it was served.
The site's root asks once for the deepest page whose address starts the requested one, then
hands it the rest of the address, as Wagtail would have (a routable page's own routes, a 404).
"""

from wagtail.models import Page


class RoutedByAddress:
    """For the root page of a site (the home page)."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        addresses = [f"{self.url_path}{'/'.join(path_components[:n])}/" for n in range(1, len(path_components) + 1)]
        # The slug index finds the few candidates; a page's url_path names its whole address.
        deepest = (
            Page.objects.filter(slug__in=path_components, url_path__in=addresses, path__startswith=self.path)
            .order_by("-depth")
            .first()
        )
        if deepest is None:
            return super().route(request, path_components)  # Wagtail's 404, or a route of the root's own
        return deepest.specific.route(request, path_components[deepest.depth - self.depth :])
