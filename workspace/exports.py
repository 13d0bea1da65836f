"""The one place that turns rows into CSV and XLSX files: every export of the site goes through
here, Wagtail's listing exports (``list_export``) included, through SafeExportViewSetMixin.

A spreadsheet runs a cell starting with = + - @ (or a tab or carriage return before them) as a
formula: a member's own text (their hours online, a grid's comment, a first name) would then run
in the coordinator's spreadsheet, and could send the next cells (other members' e-mails) away.
So the CSV neutralises such text the way OWASP recommends (a leading apostrophe) and the XLSX
writes every string as a text cell, never as a formula.
"""

import csv
import datetime
import functools
import io
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from wagtail.admin.views.mixins import ExcelDateFormatter, SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """Text a spreadsheet shows as written instead of running it. Only strings are touched:
    numbers, dates and booleans keep their type, so a negative number stays a number."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@dataclass(frozen=True)
class CsvFormat:
    delimiter: str = ","
    # A UTF-8 byte order mark: Excel then reads the accents right.
    bom: bool = False


# Wagtail's format, which the admin listings' exports have always had.
LISTING_CSV = CsvFormat()
# Opens in a French Excel as columns, accents intact.
FRENCH_EXCEL_CSV = CsvFormat(delimiter=";", bom=True)
# Every CSV without a format of its own: making them all French-Excel friendly is changing this line.
DEFAULT_CSV = LISTING_CSV


def _attachment(response, filename):
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def csv_response(filename, headings, rows, csv_format=None):
    """``filename`` without its extension. Built in memory: the site's exports are a few thousand
    rows at most (and the XLSX, built in memory anyway, is the larger of the two)."""
    csv_format = csv_format or DEFAULT_CSV
    buffer = io.StringIO()
    if csv_format.bom:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=csv_format.delimiter)
    writer.writerow([neutralise(heading) for heading in headings])
    writer.writerows([neutralise(value) for value in row] for row in rows)
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    return _attachment(response, f"{filename}.csv")


def _xlsx_cell(sheet, value, date_format, font=None):
    if isinstance(value, str):
        # openpyxl refuses control characters: a stray one pasted in a field must not stop the export.
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str):
        # openpyxl would make "=…" a formula (and "#N/A" an error): a text cell is inert as written.
        cell.data_type = "s"
    elif isinstance(value, datetime.datetime):
        cell.number_format = date_format
    if font:
        cell.font = font
    return cell


def xlsx_response(filename, headings, rows, *, sheet_title="Sheet1", column_widths=(), bold_headings=False):
    """``filename`` without its extension; ``column_widths`` from the first column on."""
    workbook = Workbook(write_only=True, iso_dates=True)
    sheet = workbook.create_sheet(title=sheet_title)
    for index, width in enumerate(column_widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    date_format = ExcelDateFormatter().get()
    font = Font(bold=True) if bold_headings else None
    sheet.append([_xlsx_cell(sheet, heading, date_format, font) for heading in headings])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value, date_format) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE), f"{filename}.xlsx")


class SafeSpreadsheetExportMixin:
    """A Wagtail listing's CSV and XLSX written by csv_response and xlsx_response: its columns and
    values stay Wagtail's (``list_export``, ``export_headings``, preprocessing), the files are ours."""

    def get_export_headings(self, queryset):
        return [self.get_heading(queryset, field) for field in self.list_export]

    def get_export_rows(self, queryset, export_format):
        for item in queryset:
            row = self.to_row_dict(item)
            yield [self.preprocess_field_value(field, value, export_format) for field, value in row.items()]

    def write_csv_response(self, queryset):
        rows = self.get_export_rows(queryset, self.FORMAT_CSV)
        return csv_response(self.get_filename(), self.get_export_headings(queryset), rows)

    def write_xlsx_response(self, queryset):
        rows = self.get_export_rows(queryset, self.FORMAT_XLSX)
        return xlsx_response(self.get_filename(), self.get_export_headings(queryset), rows)


@functools.cache
def safe_export_view_class(view_class):
    """``view_class`` if it cannot export or is already safe, else the same view exporting through here."""
    if not issubclass(view_class, SpreadsheetExportMixin) or issubclass(view_class, SafeSpreadsheetExportMixin):
        return view_class
    return type(view_class.__name__, (SafeSpreadsheetExportMixin, view_class), {"__module__": view_class.__module__})


class SafeExportViewSetMixin:
    """First base of every SnippetViewSet / ModelViewSet with a ``list_export`` (a test checks it):
    whatever index view it is given, its exports go through this module."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(safe_export_view_class(view_class), **kwargs)


@functools.cache
def modeladmin_index_view():
    """The index view of a wagtail-modeladmin ModelAdmin (``index_view_class``), exporting through
    here, with the ModelAdmin's ``export_headings`` and its labels as written (not Title Cased)."""
    from django.contrib.admin.utils import label_for_field
    from django.utils.encoding import force_str
    from wagtail_modeladmin.views import IndexView

    class ModelAdminIndexView(SafeSpreadsheetExportMixin, IndexView):
        def get_heading(self, queryset, field):
            headings = getattr(self.model_admin, "export_headings", {})
            if field in headings:
                return force_str(headings[field])
            return force_str(label_for_field(field, model=self.model, model_admin=self.model_admin))

    return ModelAdminIndexView
