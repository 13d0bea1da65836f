"""Pages of the activity grids: the promeneur's own grids, and the committees' aggregated figures.
Their addresses are routes (network/activity/routes.py)."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from network.activity.routes import ActivityRoutes, EvaluationFiguresRoutes


class ActivityPage(ActivityRoutes, Page):
    """/espace/mon-activite/: under the members' space, so only members reach it; each route then
    shows a promeneur their own grids, and any grid to the coordination only."""

    intro = models.TextField("Chapeau", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.SpacePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "Mon activité (grilles mensuelles)"


class EvaluationFiguresPage(EvaluationFiguresRoutes, Page):
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
