"""The admin's way to the coverage of the territory, a page of the committees' space
(/comites/chiffres-cles/couverture/) that the coordination reads too."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.menu import MenuItem

from network.activity import rules
from network.activity.models import EvaluationFiguresPage


class CoverageMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.can_read_all_grids(request.user)


def coverage_redirect(request):
    if not rules.can_read_all_grids(request.user):
        raise PermissionDenied
    page = EvaluationFiguresPage.objects.live().first()
    if page is None:
        raise Http404("La page des chiffres clés n'est pas publiée.")
    return redirect(page.coverage_url())


def coverage_menu_item():
    return CoverageMenuItem("Couverture du territoire", reverse("coordination_coverage"), icon_name="site", order=300)
