"""The conventions in the admin (wagtail-modeladmin): list with filters and search, inspect view,
CSV / XLSX export, and the form that files the signed document in the Coordination-only collection."""

import os

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin import SimpleListFilter
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList

from network.coordination.admin_views.listing import CoordinationModelAdmin, PrefilledCreateView
from network.coordination.conventions import RENEWS, store_signed_document
from network.coordination.models import Convention
from network.coordination.models.conventions import ENDING_SOON_DAYS, today
from workspace.media.documents import validate_document_content
from workspace.media.validators import french_list, megabytes

# A signed convention is a scan or an exported PDF; no spreadsheet, archive or text file.
SIGNED_DOCUMENT_EXTENSIONS = [
    ext for ext in ("pdf", "odt", "docx", "doc", "jpg", "png") if ext in settings.WAGTAILDOCS_EXTENSIONS
]


def signed_file_help_text():
    return (
        f"{french_list([ext.upper() for ext in SIGNED_DOCUMENT_EXTENSIONS])}, "
        f"{megabytes(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)} Mo au plus. Rangé dans la collection « Conventions », "
        "que seule la coordination peut ouvrir. Un nouveau fichier remplace le précédent."
    )


class ConventionForm(WagtailAdminModelForm):
    signed_file = forms.FileField(label="Convention signée (fichier)", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signed_file"].help_text = signed_file_help_text()
        document = self.instance.signed_document
        if document:
            self.fields["signed_file"].help_text = format_html(
                'Fichier actuel : <a href="{}">{}</a>. {}',
                document.url,
                document.title,
                self.fields["signed_file"].help_text,
            )

    def clean_signed_file(self):
        upload = self.cleaned_data.get("signed_file")
        if not upload:
            return upload
        extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
        if extension not in SIGNED_DOCUMENT_EXTENSIONS:
            raise ValidationError(
                "Ce type de fichier n'est pas accepté pour une convention signée : choisissez un fichier "
                f"{french_list([ext.upper() for ext in SIGNED_DOCUMENT_EXTENSIONS])}.",
                code="invalid_extension",
            )
        limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
        if limit is not None and upload.size > limit:
            raise ValidationError(
                f"Fichier trop lourd : {megabytes(upload.size)} Mo, {megabytes(limit)} Mo au plus.",
                code="file_too_large",
            )
        validate_document_content(upload)
        return upload

    def save(self, commit=True):
        convention = super().save(commit=False)
        upload = self.cleaned_data.get("signed_file")
        if upload:
            convention.signed_document = store_signed_document(convention, upload)
        if commit:
            convention.save()
            self.save_m2m()
        return convention


class EndingFilter(SimpleListFilter):
    title = "Échéance"
    parameter_name = "fin"

    def lookups(self, request, model_admin):
        return [
            ("bientot", f"En vigueur, se termine dans les {ENDING_SOON_DAYS} jours (ou déjà passée)"),
            ("en_vigueur", "En vigueur aujourd'hui"),
            ("passee", "Date de fin passée"),
        ]

    def queryset(self, request, queryset):
        day = today()
        if self.value() == "bientot":
            return queryset.filter(pk__in=Convention.objects.ending_soon(day).values("pk"))
        if self.value() == "en_vigueur":
            return queryset.filter(pk__in=Convention.objects.running(day).values("pk"))
        if self.value() == "passee":
            return queryset.filter(end_date__lt=day)
        return queryset


class ConventionCreateView(PrefilledCreateView):
    """The cockpit's "Nouvelle convention" of a promeneur without a convention names its structure
    (conventions.new_convention_url); its "Renouveler" of an ending convention names that convention
    (``?renouvelle=12``, conventions.renewal_url), whose values fill the form."""

    prefilled_field = "structure"

    def get_initial(self):
        initial = super().get_initial()
        key = self.request.GET.get(RENEWS, "")
        renewed = Convention.objects.filter(pk=key).first() if key.isdecimal() and len(key) < 10 else None
        if renewed:
            initial.update(renewed.renewal_initial())
        return initial


CONVENTION_EXPORT = [
    "reference",
    "structure_name",
    "promeneur_names",
    "start_date",
    "end_date",
    "weekly_hours",
    "amount",
    "get_status_display",
    "has_signed_document",
    "notes",
]


class ConventionAdmin(CoordinationModelAdmin):
    model = Convention
    menu_label = "Conventions"
    menu_icon = "doc-full"
    menu_order = 100
    # Readable at 1280 px beside the filters: the dates in one column, hours and amount left to the
    # inspect view and the exports.
    list_display = ("reference", "structure", "period", "status", "has_signed_document")
    list_filter = ("status", EndingFilter, "structure")
    search_fields = ("reference", "structure__name", "structure__commune", "notes")
    list_per_page = 50
    create_view_class = ConventionCreateView
    inspect_view_enabled = True
    inspect_view_fields = (
        "reference",
        "structure",
        "promeneurs",
        "start_date",
        "end_date",
        "weekly_hours",
        "amount",
        "status",
        "signed_document",
        "notes",
        "created_at",
        "updated_at",
    )
    list_export = CONVENTION_EXPORT
    export_headings = {"get_status_display": "Statut", "has_signed_document": "Document signé"}
    export_filename = "conventions"
    edit_handler = ObjectList(
        [
            FieldPanel("reference"),
            FieldPanel("structure"),
            FieldPanel("promeneurs", widget=forms.CheckboxSelectMultiple),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]), FieldPanel("status")],
                heading="Durée et statut",
            ),
            FieldRowPanel([FieldPanel("weekly_hours"), FieldPanel("amount")]),
            FieldPanel("signed_file"),
            FieldPanel("notes"),
        ],
        base_form_class=ConventionForm,
    )

    @admin.display(description="Période", ordering="end_date")
    def period(self, convention):
        return f"{convention.start_date:%d/%m/%Y} → {convention.end_date:%d/%m/%Y}"

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("structure", "signed_document").prefetch_related("promeneurs")
        )
