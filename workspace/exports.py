"""The one place that turns rows into CSV and XLSX files: every export of the site goes through
here, Wagtail's listing exports (``list_export``) included, through SafeExportViewSetMixin, and
Wagtail's own exporting screens (its reports: site history, locked and aging pages, workflows; the
redirects) through safe_export_urlpatterns.

What leaves the site is what a French spreadsheet user expects: a CSV in UTF-8 with a byte order
mark and ``;`` between columns (French Excel opens it with a double-click, accents intact), decimal
commas, ``Oui`` / ``Non``, dates and times in Paris time as ``dd/mm/yyyy HH:MM``; an XLSX with a
named sheet, real date cells in Paris time, column widths and a frozen, bold header row. Callers
hand over Python values (booleans, dates, aware datetimes, numbers): the formatting is done here.

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
import re
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from workspace.display import yes_no

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PARIS = ZoneInfo("Europe/Paris")
CSV_DATETIME = "%d/%m/%Y %H:%M"
CSV_DATE = "%d/%m/%Y"
XLSX_DATETIME = "dd/mm/yyyy hh:mm"
XLSX_DATE = "dd/mm/yyyy"
LIST_SEPARATOR = " | "
# A column is as wide as its longest value, within these bounds (in characters).
MIN_WIDTH, MAX_WIDTH = 8, 60
# Excel refuses these in a sheet's name, and names longer than 31 characters.
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def neutralise(value):
    """Text a spreadsheet shows as written instead of running it. Only strings are touched:
    numbers, dates and booleans keep their type, so a negative number stays a number."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def paris_time(value):
    """An aware datetime as the wall-clock time in Paris, naive (what a spreadsheet cell holds)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value, timezone=PARIS)
    return value.replace(tzinfo=None)


def _plain(value):
    """Values without a spreadsheet type of their own, as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, (list, tuple, set)):
        return LIST_SEPARATOR.join(force_str(item) for item in value)
    return force_str(value)


def csv_value(value):
    """A Python value as the text French Excel reads back as the same value."""
    if isinstance(value, datetime.datetime):
        return paris_time(value).strftime(CSV_DATETIME)
    if isinstance(value, datetime.date):
        return value.strftime(CSV_DATE)
    if isinstance(value, (Decimal, float)) and not isinstance(value, bool):
        return str(value).replace(".", ",")  # French Excel reads "2,5" as a number, "2.5" as text
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return neutralise(_plain(value))


def xlsx_value(value):
    """A Python value as an XLSX cell value: numbers and dates keep their type, the rest is text."""
    if isinstance(value, datetime.datetime):
        return paris_time(value)
    if isinstance(value, (datetime.date, int, float, Decimal)) and not isinstance(value, bool):
        return value
    # openpyxl refuses control characters: a stray one pasted in a field must not stop the export.
    return ILLEGAL_CHARACTERS_RE.sub("", _plain(value))


@dataclass(frozen=True)
class CsvFormat:
    delimiter: str = ";"
    # A UTF-8 byte order mark: Excel then reads the accents right.
    bom: bool = True


# Opens in a French Excel as columns, accents intact: every CSV of the site unless told otherwise.
DEFAULT_CSV = CsvFormat()


def _attachment(response, filename):
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def csv_text(headings, rows, csv_format=None):
    """The text of a CSV file: ``rows`` of Python values, formatted by csv_value."""
    csv_format = csv_format or DEFAULT_CSV
    buffer = io.StringIO()
    if csv_format.bom:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=csv_format.delimiter)
    writer.writerow([csv_value(heading) for heading in headings])
    writer.writerows([csv_value(value) for value in row] for row in rows)
    return buffer.getvalue()


def csv_response(filename, headings, rows, csv_format=None):
    """``filename`` without its extension. Built in memory: the site's exports are a few thousand
    rows at most (and the XLSX, built in memory anyway, is the larger of the two)."""
    content = csv_text(headings, rows, csv_format).encode("utf-8")
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    return _attachment(response, f"{filename}.csv")


def _xlsx_cell(sheet, value, font=None):
    value = xlsx_value(value)
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str):
        # openpyxl would make "=…" a formula (and "#N/A" an error): a text cell is inert as written.
        cell.data_type = "s"
    elif isinstance(value, datetime.datetime):
        cell.number_format = XLSX_DATETIME
    elif isinstance(value, datetime.date):
        cell.number_format = XLSX_DATE
    if font:
        cell.font = font
    return cell


def _display_width(value):
    """About the characters the value takes on screen: its longest line as the CSV writes it."""
    return max((len(line) for line in csv_value(value).splitlines()), default=0)


def column_widths_of(headings, rows):
    widths = [_display_width(heading) for heading in headings]
    for row in rows:
        for index, value in enumerate(row[: len(widths)]):
            widths[index] = max(widths[index], _display_width(value))
    return [min(max(width + 2, MIN_WIDTH), MAX_WIDTH) for width in widths]


def sheet_title_of(title):
    return SHEET_TITLE_FORBIDDEN.sub("-", force_str(title)).strip()[:31] or "Export"


def xlsx_response(filename, headings, rows, *, sheet_title, column_widths=None):
    """``filename`` without its extension; ``column_widths`` from the first column on, measured
    on the values when not given."""
    rows = [list(row) for row in rows]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title_of(sheet_title))
    widths = column_widths or column_widths_of(headings, rows)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_xlsx_cell(sheet, heading, bold) for heading in headings])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE), f"{filename}.xlsx")


class SafeSpreadsheetExportMixin:
    """A Wagtail listing's CSV and XLSX written by csv_response and xlsx_response: its columns stay
    Wagtail's (``list_export``, ``export_headings``, a field's own ``custom_field_preprocess``), the
    values are formatted here rather than by Wagtail's defaults (UTC datetimes, True / False)."""

    def get_export_headings(self, queryset):
        return [self.get_heading(queryset, field) for field in self.list_export]

    def preprocess_field_value(self, field, value, export_format):
        format_dict = self.custom_field_preprocess.get(field, {})
        if export_format in format_dict:
            return format_dict[export_format](value)
        return value

    def get_export_rows(self, queryset, export_format):
        for item in queryset:
            row = self.to_row_dict(item)
            yield [self.preprocess_field_value(field, value, export_format) for field, value in row.items()]

    def get_export_sheet_title(self):
        if getattr(self, "export_sheet_title", None):
            return self.export_sheet_title
        model = getattr(self, "model", None)
        # Wagtail's reports list several models (the site history) or none: their title instead.
        return model._meta.verbose_name_plural if model is not None else getattr(self, "page_title", "")

    def write_csv_response(self, queryset):
        rows = self.get_export_rows(queryset, self.FORMAT_CSV)
        return csv_response(self.get_filename(), self.get_export_headings(queryset), rows)

    def write_xlsx_response(self, queryset):
        rows = self.get_export_rows(queryset, self.FORMAT_XLSX)
        return xlsx_response(
            self.get_filename(), self.get_export_headings(queryset), rows, sheet_title=self.get_export_sheet_title()
        )


@functools.cache
def safe_export_view_class(view_class):
    """``view_class`` if it cannot export or is already safe, else the same view exporting through here."""
    if not issubclass(view_class, SpreadsheetExportMixin) or issubclass(view_class, SafeSpreadsheetExportMixin):
        return view_class
    return type(view_class.__name__, (SafeSpreadsheetExportMixin, view_class), {"__module__": view_class.__module__})


def writes_spreadsheets(view_class):
    """Whether a Wagtail view class writes CSV and XLSX files (it has columns to export)."""
    return issubclass(view_class, SpreadsheetExportMixin) and bool(view_class.list_export)


def safe_export_urlpatterns(urlpatterns):
    """The patterns of ``urlpatterns`` (a Wagtail URL module's: its reports, the redirects) whose
    view exports, each with the same view exporting through here, behind the admin's access check.
    Listed before Wagtail's own URLs at the same prefix, they answer at the same addresses (which
    Wagtail's ``reverse`` keeps giving): Wagtail's own writer, which leaves a "=…" title a live
    formula in the CSV, is never reached."""
    from django.urls import URLPattern
    from django.views.decorators.cache import never_cache
    from wagtail.admin.auth import require_admin_access
    from wagtail.utils.urlpatterns import decorate_urlpatterns

    safe = []
    for pattern in urlpatterns:
        view_class = getattr(pattern.callback, "view_class", None)
        if not isinstance(pattern, URLPattern) or view_class is None or not writes_spreadsheets(view_class):
            continue
        view = safe_export_view_class(view_class).as_view(**pattern.callback.view_initkwargs)
        safe.append(URLPattern(pattern.pattern, view, pattern.default_args))
    # As Wagtail decorates its admin's URLs.
    return decorate_urlpatterns(decorate_urlpatterns(safe, require_admin_access), never_cache)


class SafeExportViewSetMixin:
    """A base of every SnippetViewSet / ModelViewSet with a ``list_export``, before Wagtail's class
    (tests/test_exports.py checks every admin view that writes spreadsheets): whatever index view
    it is given, its exports go through this module."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(safe_export_view_class(view_class), **kwargs)


@functools.cache
def modeladmin_index_view(base=None):
    """The index view of a wagtail-modeladmin ModelAdmin (``index_view_class``; ``base``: a subclass
    of modeladmin's IndexView), exporting through here, with the ModelAdmin's ``export_headings``
    and its labels as written (not Title Cased)."""
    from django.contrib.admin.utils import label_for_field, lookup_field
    from django.utils.encoding import force_str
    from wagtail_modeladmin.views import IndexView

    class ModelAdminIndexView(SafeSpreadsheetExportMixin, base or IndexView):
        def to_row_dict(self, item):
            # The values themselves: modeladmin writes "-" for any false one (an empty text, but
            # also 0 and False), which a spreadsheet shows as "'-" once guarded as a formula. A
            # choice is written as the listing shows it ("Reçue"), never as its stored key ("recue").
            row = {}
            for name in self.list_export:
                field, _, value = lookup_field(name, item, self.model_admin)
                row[name] = dict(field.flatchoices).get(value, value) if getattr(field, "choices", None) else value
            return row

        def get_heading(self, queryset, field):
            headings = getattr(self.model_admin, "export_headings", {})
            if field in headings:
                return force_str(headings[field])
            return force_str(label_for_field(field, model=self.model, model_admin=self.model_admin))

    return ModelAdminIndexView
