"""The addresses of the activity pages, as routes (network/activity/models/pages.py), as
resources/exchanges/routes.py does for the exchanges."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from network.activity import views


class ActivityRoutes(RoutablePageMixin):
    """/espace/mon-activite/: a promeneur's own grids; any grid to the coordination only."""

    def grid_url(self, grid):
        return self.get_url() + self.reverse_subpage("grid", args=[grid.pk])

    @path("")
    def index(self, request):
        return views.index(self, request)

    @path("nouvelle/", name="new")
    def new_grid(self, request):
        return views.new_grid(self, request)

    @path("grilles/<int:pk>/", name="grid")
    def grid(self, request, pk):
        return views.grid_detail(self, request, pk)

    @path("grilles/<int:pk>/modifier/", name="edit")
    def edit_grid(self, request, pk):
        return views.edit_grid(self, request, pk)

    @path("grilles/<int:pk>/rouvrir/", name="reopen")
    def reopen_grid(self, request, pk):
        return views.reopen_grid(self, request, pk)

    @re_path(r"^bilan/(?P<year>\d{4})/$", name="year")
    def year_totals(self, request, year):
        return views.year_totals(self, request, int(year))


class EvaluationFiguresRoutes(RoutablePageMixin):
    """/comites/chiffres-cles/: the network's figures, and the coverage of the territory."""

    def coverage_url(self):
        return self.get_url() + self.reverse_subpage("coverage")

    @path("")
    def figures(self, request):
        return views.committee_figures(self, request)

    @path("couverture/", name="coverage")
    def coverage(self, request):
        return views.coverage_page(self, request)
