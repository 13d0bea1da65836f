"""Importing the directory from a CSV file in the admin: upload, preview of every line, confirm.

The file waits in a DirectoryImport record between the preview and the confirmation; the
confirmation locks that record, so that a second click (or a second tab) imports nothing twice.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem

from network.directory import importing
from network.directory.models import DirectoryImport
from network.directory.rules import can_import, importable_kinds
from workspace.display import french_date

# An upload not confirmed within this delay is deleted.
PENDING_KEPT_FOR = datetime.timedelta(days=1)
ENCODING_NAMES = {"utf-8": "UTF-8", "cp1252": "Windows-1252 (Excel)"}
DELIMITER_NAMES = {";": "point-virgule", ",": "virgule", "\t": "tabulation"}


class DirectoryImportForm(forms.Form):
    kind = forms.ChoiceField(label="Fiches à importer", widget=forms.RadioSelect)
    file = forms.FileField(
        label="Fichier CSV",
        help_text=(
            "Un fichier CSV (UTF-8 ou Windows-1252, séparateur « ; » ou « , »), de 2 Mo au plus : par exemple "
            "l'export CSV de la liste des promeneurs ou des structures, modifié dans un tableur."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (value, label) for value, label in DirectoryImport.Kind.choices if value in importable_kinds(user)
        ]
        self.content = None

    def clean(self):
        cleaned = super().clean()
        upload, kind = cleaned.get("file"), cleaned.get("kind")
        if upload is None or kind is None:
            return cleaned
        # The size the upload announces, before reading any of it.
        if upload.size > importing.MAX_FILE_SIZE:
            self.add_error("file", importing.file_too_large_message(upload.size))
            return cleaned
        content = upload.read()
        try:
            importing.preview(kind, content)
        except importing.ImportFileError as error:
            self.add_error("file", f"{error} Rien n'a été importé.")
            return cleaned
        self.content = content
        return cleaned


def _require_import_permission(request, kind="promeneurs"):
    if not can_import(request.user, kind):
        raise PermissionDenied


def upload(request):
    _require_import_permission(request)
    initial = {"kind": request.GET.get("type", "promeneurs")}
    form = DirectoryImportForm(request.POST or None, request.FILES or None, user=request.user, initial=initial)
    # Files nobody confirmed hold personal data for nothing: dropped whenever the screen is opened.
    DirectoryImport.objects.filter(
        confirmed_at__isnull=True, uploaded_at__lt=timezone.now() - PENDING_KEPT_FOR
    ).delete()
    if request.method == "POST" and form.is_valid():
        _require_import_permission(request, form.cleaned_data["kind"])
        record = DirectoryImport.objects.create(
            kind=form.cleaned_data["kind"],
            file_name=form.cleaned_data["file"].name[:255],
            content=form.content,
            uploaded_by=request.user,
        )
        return redirect("network_directory_import_preview", record.pk)
    return TemplateResponse(
        request,
        "directory/admin/import_upload.html",
        {
            "form": form,
            "page_title": "Importer l'annuaire",
            "recent_imports": DirectoryImport.objects.filter(confirmed_at__isnull=False).select_related("confirmed_by")[
                :5
            ],
        },
    )


def preview(request, pk):
    record = get_object_or_404(DirectoryImport, pk=pk)
    _require_import_permission(request, record.kind)
    context = {"record": record, "page_title": f"Importer l'annuaire : {record.file_name}"}
    if not record.is_confirmed:
        try:
            report = importing.preview(record.kind, bytes(record.content))
        except importing.ImportFileError as error:
            context["file_error"] = str(error)
        else:
            context.update(
                report=report,
                encoding=ENCODING_NAMES.get(report.encoding, report.encoding),
                delimiter=DELIMITER_NAMES[report.delimiter],
                invalid=len(report.invalid_lines),
            )
    return TemplateResponse(request, "directory/admin/import_preview.html", context)


@require_POST
def confirm(request, pk):
    with transaction.atomic():
        record = get_object_or_404(DirectoryImport.objects.select_for_update(), pk=pk)
        _require_import_permission(request, record.kind)
        if record.is_confirmed:
            messages.warning(
                request,
                f"Ce fichier a déjà été importé le {french_date(record.confirmed_at, 'j F Y à H:i')} : "
                "rien n'a été importé une seconde fois.",
            )
            return redirect("network_directory_import_preview", record.pk)
        try:
            report = importing.run_import(record.kind, bytes(record.content), valid_only=True, user=request.user)
        except importing.ImportFileError as error:
            messages.error(request, f"{error} Rien n'a été importé.")
            return redirect("network_directory_import_preview", record.pk)
        except IntegrityError:
            # Another import (another file, another tab) created one of these records meanwhile.
            messages.error(
                request,
                "L'annuaire a été modifié pendant l'import (par un autre import ?) : rien n'a été importé. "
                "Rechargez l'aperçu pour voir ce que ce fichier ferait maintenant.",
            )
            return redirect("network_directory_import_preview", record.pk)
        record.content = b""
        record.confirmed_at = timezone.now()
        record.confirmed_by = request.user
        record.created, record.updated, record.unchanged = report.created, report.updated, report.unchanged
        record.errors = len(report.invalid_lines)
        record.save()
    messages.success(request, f"Import terminé : {record.summary()}.")
    return redirect("network_directory_import_preview", record.pk)


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


def menu_item():
    return ImportMenuItem("Importer un fichier", reverse("network_directory_import"), icon_name="upload", order=910)


urlpatterns = [
    path("annuaire/import/", upload, name="network_directory_import"),
    path("annuaire/import/<uuid:pk>/", preview, name="network_directory_import_preview"),
    path("annuaire/import/<uuid:pk>/confirmer/", confirm, name="network_directory_import_confirm"),
]
