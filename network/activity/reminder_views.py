"""Admin views of the cockpit's activity blocks: the missing grids of a month and their reminder,
and marking a grid's support request handled. Coordination only (network/activity/rules.py)."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from network.activity import rules
from network.activity.forms import MonthField
from network.activity.models import ActivityGrid
from network.activity.models.grids import FIRST_MONTH, of_month
from network.activity.reminders import (
    check_reminder_month,
    missing_grid_promeneurs,
    reminded_label,
    reminder_month,
    reminders_of,
    send_grid_reminders,
)
from network.activity.stats import Scope
from network.directory.models import Structure, Territory
from workspace.display import agreed, of
from workspace.pages.pagination import paginate
from workspace.security.next_url import next_path

MISSING_PER_PAGE = 50


class MonthForm(forms.Form):
    mois = MonthField(label="Mois")

    def clean_mois(self):
        month = self.cleaned_data["mois"]
        if month < FIRST_MONTH:
            raise ValidationError("Ce mois est trop ancien.")
        return month


class ReminderForm(MonthForm):
    # Sent by the confirmation screen when the month was already reminded.
    confirme = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_mois(self):
        month = super().clean_mois()
        check_reminder_month(month)
        return month


def _back(request, default="wagtailadmin_home"):
    return redirect(next_path(request, default))


class MissingGridsForm(MonthForm):
    """The month, and the dashboard's territory or structure when it links here."""

    territory = forms.ModelChoiceField(queryset=Territory.objects.all(), required=False)
    structure = forms.ModelChoiceField(queryset=Structure.objects.all(), required=False)

    def scope(self):
        if not self.is_valid():
            return Scope(reminder_month(), reminder_month())
        data = self.cleaned_data
        return Scope(data["mois"], data["mois"], territory=data["territory"], structure=data["structure"])


def missing_grids(request):
    """/admin/activite/grilles-manquantes/?mois=AAAA-MM: who has not sent that month's grid."""
    if not rules.can_read_all_grids(request.user):
        raise PermissionDenied
    data = request.GET.dict()
    data["mois"] = data.get("mois") or f"{reminder_month():%Y-%m}"
    form = MissingGridsForm(data)
    scope = form.scope()
    month = scope.start
    among = scope.promeneurs() if scope.is_filtered else None
    page, page_notice = paginate(missing_grid_promeneurs(month, among), request.GET.get("page"), MISSING_PER_PAGE)
    try:
        check_reminder_month(month)
        # The reminder goes to the whole network's missing grids: offered on the unfiltered list only.
        can_remind = rules.can_remind_missing_grids(request.user) and not scope.is_filtered
    except ValidationError:
        can_remind = False
    return TemplateResponse(
        request,
        "activity/admin/missing_grids.html",
        {
            "page_title": f"Grilles manquantes {of_month(month)}",
            "scope_label": scope.label,
            "query": urlencode({key: value for key, value in request.GET.items() if key != "page"}),
            "form": form,
            "month": month,
            "month_value": f"{month:%Y-%m}",
            "month_of": of_month(month),
            "page": page,
            "page_notice": page_notice,
            "can_remind": can_remind,
            "reminders": [reminded_label(reminder) for reminder in reminders_of(month)[:5]],
        },
        status=400 if not form.is_valid() else 200,
    )


def remind_missing_grids(request):
    """The cockpit's "Relancer": sends at once the first time of a month, asks to confirm after."""
    if not rules.can_remind_missing_grids(request.user):
        raise PermissionDenied
    if request.method != "POST":
        form = ReminderForm({"mois": request.GET.get("mois") or f"{reminder_month():%Y-%m}"})
        return _confirmation(request, form)
    form = ReminderForm(request.POST)
    if not form.is_valid():
        return _confirmation(request, form, status=400)
    month = form.cleaned_data["mois"]
    reminder = send_grid_reminders(month, sent_by=request.user, again=form.cleaned_data["confirme"])
    if reminder is None:  # already reminded this month: ask first
        return _confirmation(request, form)
    count = reminder.recipients
    messages.success(
        request,
        f"Grilles {of_month(month)} : {count} {agreed(count, 'promeneur')} {agreed(count, 'relancé')}.",
    )
    return _back(request)


def _confirmation(request, form, status=200):
    month = form.cleaned_data.get("mois") if form.is_valid() else None
    previous = [reminded_label(reminder) for reminder in reminders_of(month)[:5]] if month else []
    missing_count = missing_grid_promeneurs(month).count() if month else 0
    return TemplateResponse(
        request,
        "activity/admin/remind_confirm.html",
        {
            "page_title": f"Relancer les grilles {of_month(month)}" if month else "Relancer les grilles manquantes",
            "form": form,
            "month": month,
            "month_of": of_month(month) if month else "",
            "month_value": f"{month:%Y-%m}" if month else "",
            "previous": previous,
            "missing_count": missing_count,
            "next": next_path(request, ""),
        },
        status=status,
    )


@require_POST
def mark_support_handled(request, pk):
    if not rules.can_handle_support_request(request.user):
        raise PermissionDenied
    grid = get_object_or_404(ActivityGrid.objects.select_related("promeneur"), pk=pk)
    if not grid.support_requested:
        messages.error(request, "Cette grille ne contient pas de demande d'appui.")
    elif grid.support_handled_at:
        messages.info(request, f"La demande d'appui {of(grid.promeneur_name())} était déjà traitée.")
    else:
        grid.mark_support_handled(request.user)
        messages.success(request, f"Demande d'appui {of(grid.promeneur_name())} ({grid.month_label}) traitée.")
    return _back(request)
