"""Registration lists of an event as rows, CSV and XLSX (openpyxl)."""

import csv
import io

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from network.events.models import Registration

HEADERS = ("Nom", "Prénom", "E-mail", "Structure", "Statut", "Inscrit le", "Présence")


STATUS_ORDER = Case(
    *(When(status=value, then=Value(rank)) for rank, value in enumerate(Registration.Status.values)),
    output_field=IntegerField(),
)


def registrations_of(event):
    """Confirmed first, then the waiting list in its order, then the cancelled."""
    return (
        Registration.objects.filter(event=event)
        .select_related("user", "user__promeneur__structure")
        .order_by(STATUS_ORDER, "queued_at", "pk")
    )


def _structure(user):
    promeneur = getattr(user, "promeneur", None)
    return promeneur.structure.name if promeneur and promeneur.structure else ""


def _attendance(registration):
    return {True: "Présent", False: "Absent"}.get(registration.attended, "")


def rows(event):
    for registration in registrations_of(event):
        user = registration.user
        yield (
            user.last_name or user.username,
            user.first_name,
            user.email,
            _structure(user),
            registration.get_status_display(),
            timezone.localtime(registration.queued_at).strftime("%d/%m/%Y %H:%M"),
            _attendance(registration),
        )


def _neutralised(value):
    """A cell a spreadsheet will not read as a formula."""
    return f"'{value}" if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value


def as_csv(event):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel opens UTF-8 with a BOM
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADERS)
    writer.writerows([_neutralised(value) for value in row] for row in rows(event))
    return buffer.getvalue().encode("utf-8")


def as_xlsx(event):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Inscriptions"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(event):
        sheet.append(row)
    for column, width in zip("ABCDEFG", (20, 18, 32, 36, 16, 18, 12), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
