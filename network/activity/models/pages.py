"""Pages of the activity grids: the promeneur's own grids, and the committees' aggregated figures.
Their addresses are routes (network/activity/routes.py)."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from network.activity.routes import ActivityRoutes, EvaluationFiguresRoutes


class RoutedPage(Page):
    """A page that stands once in the tree and shows its routes: the coordinator edits its chapeau only."""

    intro = models.TextField("Chapeau", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = []
    max_count = 1

    class Meta:
        abstract = True


class ActivityPage(ActivityRoutes, RoutedPage):
    """/espace/mon-activite/: under the members' space, so only members reach it; each route then
    shows a promeneur their own grids, and any grid to the coordination only."""

    parent_page_types = ["pages.SpacePage"]

    class Meta:
        verbose_name = "Mon activité (grilles mensuelles)"


class EvaluationFiguresPage(EvaluationFiguresRoutes, RoutedPage):
    """/comites/chiffres-cles/: the network's aggregated figures for the committees, and the
    coverage of the territory (couverture/).

    Under the committees' home, so it inherits its restriction (committee members and
    the coordination); it never names a promeneur nor shows a grid."""

    parent_page_types = ["pages.CommitteeIndexPage"]

    class Meta:
        verbose_name = "Chiffres clés pour les comités"
