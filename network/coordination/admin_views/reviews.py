"""Individual reviews in the admin: the wagtail-modeladmin listing (filters, search, inspect, export),
a create form that arrives with its promeneur chosen, and the export of the reviews of a period."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from network.coordination import rules
from network.coordination.admin_views.listing import CoordinationModelAdmin, PrefilledCreateView
from network.coordination.models import IndividualReview
from workspace.exports import csv_response, xlsx_response

REVIEW_EXPORT = [
    "promeneur_name",
    "structure_name",
    "date",
    "get_kind_display",
    "objectives",
    "notes",
    "next_review_on",
    "written_by_name",
]
REVIEW_EXPORT_HEADINGS = {
    "promeneur_name": "Promeneur",
    "structure_name": "Structure",
    "date": "Date du bilan",
    "get_kind_display": "Type de bilan",
    "objectives": "Objectifs convenus",
    "notes": "Notes privées",
    "next_review_on": "Prochain bilan le",
    "written_by_name": "Rédigé par",
}


def review_export_row(review):
    return [
        review.promeneur_name(),
        review.structure_name(),
        review.date,
        review.get_kind_display(),
        review.objectives,
        review.notes,
        review.next_review_on or "",
        review.written_by_name(),
    ]


def new_review_url(promeneur):
    """The create form, its promeneur already chosen."""
    return f"{reverse('coordination_individualreview_modeladmin_create')}?{urlencode({'promeneur': promeneur.pk})}"


class ReviewCreateView(PrefilledCreateView):
    prefilled_field = "promeneur"

    def form_valid(self, form):
        form.instance.written_by = self.request.user
        return super().form_valid(form)


class IndividualReviewAdmin(CoordinationModelAdmin):
    model = IndividualReview
    menu_label = "Bilans individuels"
    menu_icon = "clipboard-list"
    list_display = ["promeneur_name", "date", "kind", "next_review_on", "written_by_name"]
    list_filter = ["kind", "date"]
    list_select_related = ["promeneur", "written_by"]
    search_fields = ["promeneur__first_name", "promeneur__last_name"]
    inspect_view_enabled = True
    inspect_view_fields = ["promeneur", "date", "kind", "objectives", "notes", "next_review_on", "written_by"]
    create_view_class = ReviewCreateView
    list_export = REVIEW_EXPORT
    export_headings = REVIEW_EXPORT_HEADINGS
    export_filename = "bilans-individuels"

    panels = [
        FieldPanel("promeneur"),
        MultiFieldPanel([FieldPanel("date"), FieldPanel("kind")], heading="Bilan"),
        FieldPanel("objectives"),
        FieldPanel("notes"),
        FieldPanel("next_review_on"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("promeneur__structure", "written_by")


class PeriodForm(forms.Form):
    start = forms.DateField(
        label="Du", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label="Au (inclus)", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    format = forms.ChoiceField(
        label="Format", choices=[("csv", "CSV (Excel)"), ("xlsx", "XLSX (Excel)")], initial="xlsx"
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", "La fin de la période doit suivre son début.")
        return data


def period_filename(start, end):
    bounds = [f"du-{start:%Y-%m-%d}" if start else "", f"au-{end:%Y-%m-%d}" if end else ""]
    return "-".join(["bilans-individuels", *filter(None, bounds)])


def export_reviews(request):
    """The reviews held in a period, as a file; without a valid period, the form again."""
    if not rules.can_read_reviews(request.user):
        raise PermissionDenied
    form = PeriodForm(request.GET or None, initial={"format": "xlsx"})
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        reviews = (
            IndividualReview.objects.held_between(start, end)
            .select_related("promeneur__structure", "written_by")
            .order_by("date", "promeneur__last_name", "pk")
        )
        headings = list(REVIEW_EXPORT_HEADINGS.values())
        rows = (review_export_row(review) for review in reviews)
        filename = period_filename(start, end)
        if form.cleaned_data["format"] == "csv":
            return csv_response(filename, headings, rows)
        return xlsx_response(filename, headings, rows, sheet_title="Bilans")
    return render(
        request,
        "coordination/admin/review_export.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )
