"""The evaluation dashboard and the yearly report, in the Wagtail admin (coordination only)."""

import datetime
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.forms.utils import flatatt
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from network.activity import rules
from network.activity.forms import MonthField
from network.activity.models.grids import FIRST_MONTH, ActivityGrid, add_months, current_month, previous_month
from network.activity.stats import Scope, figures_and_charts, last_day, year_scope, years
from network.directory.models import Structure, Territory

MAX_MONTHS = 120


def check_access(user):
    if not rules.can_read_all_grids(user):
        raise PermissionDenied


class LongSelect(forms.Select):
    """A select of hundreds of options (600 structures at national size) written in one pass:
    Django's renders a template per option, which took a third of a second here. No optgroups."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = self.format_value(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((key, " selected" if str(key) in selected else "", label) for key, label in self.choices),
        )
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html('<select name="{}"{}>{}</select>', name, attributes, options)


def filter_by(model, label, empty_label):
    """An optional filter on one record of ``model``, chosen by its name among all of them."""
    return forms.ModelChoiceField(
        label=label,
        queryset=model.objects.only("pk", "name"),
        required=False,
        empty_label=empty_label,
        widget=LongSelect,
    )


class DashboardFilterForm(forms.Form):
    start = MonthField(label="Du mois", required=False)
    end = MonthField(label="Au mois (inclus)", required=False)
    territory = filter_by(Territory, "Territoire", "Tout le département")
    structure = filter_by(Structure, "Structure", "Toutes les structures")

    @staticmethod
    def default_period():
        end = previous_month()
        return add_months(end, -11), end

    def clean(self):
        data = super().clean()
        default_start, default_end = self.default_period()
        start, end = data.get("start") or default_start, data.get("end") or default_end
        if "end" not in self.errors and end > current_month():
            self.add_error("end", "Ce mois n'est pas encore commencé : choisissez le mois en cours au plus tard.")
        if "start" not in self.errors and start < FIRST_MONTH:
            self.add_error("start", "Ce mois est trop ancien.")
        if not self.errors and start > end:
            self.add_error("end", "Le mois de fin doit suivre le mois de début.")
        if not self.errors and len(range(start.year * 12 + start.month, end.year * 12 + end.month)) >= MAX_MONTHS:
            self.add_error("start", f"Choisissez une période de {MAX_MONTHS // 12} ans au plus.")
        data["start"], data["end"] = start, end
        return data

    def scope(self):
        if self.is_valid():
            data = self.cleaned_data
            return Scope(data["start"], data["end"], territory=data["territory"], structure=data["structure"])
        start, end = self.default_period()
        return Scope(start, end)


def export_links(scope):
    # The grids the figures count, and those only: a draft or a reopened grid in the file would make
    # its columns sum to more than the dashboard shows.
    grid_filters = {
        "month_from": scope.start.isoformat(),
        "month_to": scope.end.isoformat(),
        "status": ActivityGrid.Status.SUBMITTED,
    }
    journal_filters = {"date_from": scope.start.isoformat(), "date_to": last_day(scope.end).isoformat()}
    if scope.structure:
        grid_filters["structure"] = journal_filters["structures"] = scope.structure.pk
    if scope.territory:
        grid_filters["territory"] = journal_filters["territory"] = scope.territory.pk
    grids, journal = reverse("activity_grids:index"), reverse("coordination_journal:index")
    return [
        ("Grilles transmises de la période (CSV)", f"{grids}?{urlencode({**grid_filters, 'export': 'csv'})}"),
        ("Grilles transmises de la période (XLSX)", f"{grids}?{urlencode({**grid_filters, 'export': 'xlsx'})}"),
        ("Journal de la période (CSV)", f"{journal}?{urlencode({**journal_filters, 'export': 'csv'})}"),
        ("Journal de la période (XLSX)", f"{journal}?{urlencode({**journal_filters, 'export': 'xlsx'})}"),
    ]


def dashboard(request):
    check_access(request.user)
    start, end = DashboardFilterForm.default_period()
    form = DashboardFilterForm(request.GET or None, initial={"start": start, "end": end})
    scope = form.scope()
    return render(
        request,
        "activity/admin/dashboard.html",
        {
            "form": form,
            **figures_and_charts(scope),
            "exports": export_links(scope),
            "report_years": years(),
            # The received / expected figure and each month's count lead to who is missing.
            "missing_grids_scope": scope,
            "missing_month": min(scope.end, previous_month()),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def yearly_report(request):
    check_access(request.user)
    # The printable report has no room for notices: a year it does not cover gives the current one.
    offered = years()
    scope = year_scope(request.GET.get("annee", ""), offered) or year_scope(current_month().year, offered)
    return render(
        request,
        "activity/admin/report.html",
        {
            **figures_and_charts(scope),
            "year": scope.start.year,
            "generated_on": datetime.date.today(),
        },
    )
