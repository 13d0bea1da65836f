"""Front-end views of the activity grids, served by ActivityPage's routes and EvaluationFiguresPage.

The page's restriction (members' space, or committees) is checked by Wagtail before
these run; here each view narrows to what the user may read: a promeneur their own
grids, the coordination every grid, a committee member aggregated figures only.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from network.activity import rules
from network.activity.coverage import RECENT_MONTHS, coverage, coverage_chart
from network.activity.forms import GridEditor
from network.activity.models.grids import (
    ActivityGrid,
    current_month,
    expected_month,
    month_to_fill,
    previous_month,
)
from network.activity.stats import figures, figures_and_charts, year_scope, years
from network.directory import rules as directory_rules
from network.directory.models import Promeneur
from workspace.pages.pagination import paginate

GRID_RELATIONS = ("network_activities", "led_actions__theme", "themes")
# A promeneur's own grids, a year at a time: five years in the network make sixty.
GRIDS_PER_PAGE = 12


def promeneur_of(user):
    return Promeneur.objects.filter(user=user).select_related("structure").first()


def render(page, request, template, **context):
    return page.render(request, template=f"activity/{template}", context_overrides=context)


def no_profile(page, request):
    return render(page, request, "no_profile.html")


def index(page, request):
    promeneur = promeneur_of(request.user)
    if promeneur is None:
        return no_profile(page, request)
    grids = ActivityGrid.objects.filter(promeneur=promeneur).order_by("-month")
    # Last month's grid is asked for only if it is owed (the same rule as the space's home and the
    # reminders): a newcomer is offered the month a new grid would be for.
    due_month = expected_month(promeneur)
    page_of_grids, _ = paginate(grids, request.GET.get("page"), GRIDS_PER_PAGE)
    return render(
        page,
        request,
        "index.html",
        promeneur=promeneur,
        grids=page_of_grids,
        last_month=previous_month(),
        due_month=due_month,
        due_month_grid=grids.filter(month=due_month).first() if due_month else None,
        next_month_to_fill=None if due_month else month_to_fill(promeneur),
        years=sorted({d.year for d in grids.dates("month", "year")} | {current_month().year}, reverse=True),
    )


def new_grid(page, request):
    promeneur = promeneur_of(request.user)
    if promeneur is None:
        return no_profile(page, request)
    editor = GridEditor(promeneur, page.grid_url, data=request.POST if request.method == "POST" else None)
    return _edit(page, request, editor)


def edit_grid(page, request, pk):
    grid = get_object_or_404(ActivityGrid.objects.select_related("promeneur"), pk=pk, promeneur__user=request.user)
    if request.method != "POST" and grid.is_locked:
        messages.info(request, "Cette grille est transmise : elle ne peut plus être modifiée.")
        return redirect(page.grid_url(grid))
    editor = GridEditor(
        grid.promeneur, page.grid_url, grid=grid, data=request.POST if request.method == "POST" else None
    )
    return _edit(page, request, editor)


def _edit(page, request, editor):
    if request.method == "POST" and editor.is_valid():
        submit = request.POST.get("action") == "submit"
        grid = editor.save(submit=submit)
        if grid is not None:
            if submit:
                messages.success(request, f"Votre grille {grid.of_month} est transmise à la coordination. Merci !")
                return redirect(page.grid_url(grid))
            messages.success(request, f"Brouillon {grid.of_month} enregistré : vous pourrez le terminer plus tard.")
            return redirect(page.get_url(request) + page.reverse_subpage("edit", args=[grid.pk]))
    status = 400 if request.method == "POST" else 200
    response = render(page, request, "grid_form.html", editor=editor, grid=editor.grid)
    response.status_code = status
    return response


def grid_detail(page, request, pk):
    grid = get_object_or_404(
        ActivityGrid.objects.for_user(request.user)
        .select_related("promeneur__structure")
        .prefetch_related(*GRID_RELATIONS),
        pk=pk,
    )
    return render(
        page,
        request,
        "grid_detail.html",
        grid=grid,
        is_author=grid.is_authored_by(request.user),
        can_reopen=rules.can_reopen_grid(request.user) and grid.is_locked,
    )


def reopen_grid(page, request, pk):
    if not rules.can_reopen_grid(request.user):
        raise PermissionDenied
    grid = get_object_or_404(ActivityGrid.objects.select_related("promeneur"), pk=pk)
    if request.method == "POST":
        if grid.is_locked:
            grid.reopen()
            messages.success(request, f"La grille « {grid} » est rouverte : son auteur peut la corriger.")
        return redirect(page.grid_url(grid))
    return render(page, request, "reopen_confirm.html", grid=grid)


def year_totals(page, request, year):
    promeneur = promeneur_of(request.user)
    if promeneur is None:
        return no_profile(page, request)
    scope = year_scope(year, promeneur=promeneur)
    if scope is None:
        raise Http404
    data = figures(scope)
    return render(page, request, "year_totals.html", promeneur=promeneur, year=year, figures=data)


def committee_figures(page, request):
    this_year, offered = current_month().year, years()
    scope = year_scope(request.GET.get("annee", this_year), offered)
    if scope is None:
        messages.warning(request, f"Il n'y a pas de chiffres pour cette année : voici ceux de {this_year}.")
        scope = year_scope(this_year, offered)
    return TemplateResponse(
        request,
        "activity/committee_figures.html",
        {
            "page": page,
            "self": page,
            **figures_and_charts(scope),
            "year": scope.start.year,
            "years": offered,
        },
    )


def coverage_page(page, request):
    """The coverage of the territory, under the committees' home (committees and coordination)."""
    result = coverage(current_month())
    return TemplateResponse(
        request,
        "activity/coverage.html",
        {
            "page": page,
            "self": page,
            "coverage": result,
            "chart": coverage_chart(result),
            "recent_months": RECENT_MONTHS,
            # The unplaced promeneurs' structures lack a commune: a link to fill it in, for who may.
            "can_edit_structures": bool(result.unplaced) and directory_rules.can_edit_structures(request.user),
        },
    )
