"""Pages of the activity grids: the promeneur's own grids, and the committees' aggregated figures."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page


class ActivityPage(RoutablePageMixin, Page):
    """/espace/mon-activite/: under the members' space, so only members reach it; each route then
    shows a promeneur their own grids, and any grid to the coordination only."""

    intro = models.TextField("Chapeau", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.SpacePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "Mon activité (grilles mensuelles)"

    def grid_url(self, grid):
        return self.get_url() + self.reverse_subpage("grid", args=[grid.pk])

    @path("")
    def index(self, request):
        from network.activity import views as space

        return space.index(self, request)

    @path("nouvelle/", name="new")
    def new_grid(self, request):
        from network.activity import views as space

        return space.new_grid(self, request)

    @path("grilles/<int:pk>/", name="grid")
    def grid(self, request, pk):
        from network.activity import views as space

        return space.grid_detail(self, request, pk)

    @path("grilles/<int:pk>/modifier/", name="edit")
    def edit_grid(self, request, pk):
        from network.activity import views as space

        return space.edit_grid(self, request, pk)

    @path("grilles/<int:pk>/rouvrir/", name="reopen")
    def reopen_grid(self, request, pk):
        from network.activity import views as space

        return space.reopen_grid(self, request, pk)

    @re_path(r"^bilan/(?P<year>\d{4})/$", name="year")
    def year_totals(self, request, year):
        from network.activity import views as space

        return space.year_totals(self, request, int(year))


class EvaluationFiguresPage(RoutablePageMixin, Page):
    """/comites/chiffres-cles/: the network's aggregated figures for the committees, and the
    coverage of the territory (couverture/).

    Under the committees' home, so it inherits its restriction (committee members and
    the coordination); it never names a promeneur nor shows a grid."""

    intro = models.TextField("Chapeau", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.CommitteeIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "Chiffres clés pour les comités"

    def coverage_url(self):
        return self.get_url() + self.reverse_subpage("coverage")

    @path("")
    def figures(self, request):
        from network.activity import views as space

        return space.committee_figures(self, request)

    @path("couverture/", name="coverage")
    def coverage(self, request):
        from network.activity import views as space

        return space.coverage_page(self, request)
