"""Onboarding in the admin: the checklist (wagtail-modeladmin), the newcomers still on their way, and
one screen per promeneur where the coordinator ticks the steps the site cannot see."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel

from network.coordination import rules
from network.coordination.admin_views.listing import CoordinationModelAdmin
from network.coordination.models import OnboardingCompletion, OnboardingStep
from network.coordination.models.onboarding import Onboarding
from network.directory.models import Promeneur
from workspace.cockpit.blocks import forget_blocks
from workspace.display import of
from workspace.pages.pagination import paginate

NEWCOMERS_PER_PAGE = 50


class OnboardingStepAdmin(CoordinationModelAdmin):
    model = OnboardingStep
    menu_label = "Étapes d'accueil"
    menu_icon = "list-ol"
    list_display = ["label", "order", "observed"]
    list_filter = ["observed"]
    search_fields = ["label"]
    inspect_view_enabled = True
    list_export = ["label", "order", "get_observed_display"]
    export_headings = {"label": "Étape", "order": "Ordre", "get_observed_display": "Cochée automatiquement quand"}
    export_filename = "etapes-accueil"
    panels = [FieldPanel("label"), FieldPanel("order"), FieldPanel("observed")]


def check_access(user):
    if not rules.can_follow_onboarding(user):
        raise PermissionDenied


def checklist_url(promeneur):
    return reverse("coordination_onboarding", args=[promeneur.pk])


def newcomers(request):
    check_access(request.user)
    onboarding = Onboarding()
    promeneurs = onboarding.newcomers().select_related("structure")
    page, notice = paginate(promeneurs, request.GET.get("p"), NEWCOMERS_PER_PAGE)
    rows = [(promeneur, onboarding.missing_steps(promeneur)) for promeneur in page]
    return render(
        request,
        "coordination/admin/newcomers.html",
        {"page": page, "rows": rows, "notice": notice, "steps": onboarding.steps},
    )


def promeneur_checklist(request, pk):
    """The checklist of one promeneur: observed steps as the site sees them, manual ones to tick."""
    check_access(request.user)
    promeneur = get_object_or_404(Promeneur, pk=pk)
    onboarding = Onboarding()
    if request.method == "POST":
        ticked = set(request.POST.getlist("steps"))
        tick_manual_steps(promeneur, [step for step in onboarding.steps if step.is_manual], ticked, request.user)
        messages.success(request, f"Étapes d'accueil {of(promeneur)} enregistrées.")
        return redirect(checklist_url(promeneur))
    annotated = onboarding.for_promeneur(promeneur)
    completions = {c.step_id: c for c in promeneur.onboarding_completions.select_related("ticked_by")}
    lines = [
        {"step": step, "done": onboarding.is_done(annotated, step), "completion": completions.get(step.pk)}
        for step in onboarding.steps
    ]
    return render(
        request,
        "coordination/admin/promeneur_checklist.html",
        {
            "promeneur": promeneur,
            "lines": lines,
            "finished": all(line["done"] for line in lines),
            "has_manual_steps": any(line["step"].is_manual for line in lines),
        },
    )


@transaction.atomic
def tick_manual_steps(promeneur, manual_steps, ticked_pks, user):
    """Make ``promeneur``'s ticks of ``manual_steps`` those of ``ticked_pks``: a new tick records who
    and when, a tick kept keeps its first author, an untick removes it."""
    ticked = {step.pk for step in manual_steps if str(step.pk) in ticked_pks}
    unticked = {step.pk for step in manual_steps} - ticked
    promeneur.onboarding_completions.filter(step_id__in=unticked).delete()
    existing = set(promeneur.onboarding_completions.filter(step_id__in=ticked).values_list("step_id", flat=True))
    OnboardingCompletion.objects.bulk_create(
        OnboardingCompletion(promeneur=promeneur, step_id=pk, ticked_by=user, ticked_at=timezone.now())
        for pk in ticked - existing
    )
    forget_blocks(OnboardingCompletion)
