"""The admin's input read as a tampered or broken form may send it, never a server error.

A chooser's key, the key of an inline form's row and the rich text editor's JSON are written by the
admin's scripts into hidden fields; a form posted by anything else may hold any text there. Wagtail
and django-modelcluster read them as if their script had written them, each a server error:

- a chooser looks up the row it shows when a refused form is drawn again: a key that is not a number
  ("abc", 10 000 digits) was a ValueError while the page was drawn;
- an inline row whose key is not a number, or missing, was a ValidationError or a KeyError while the
  inline forms were built (Django's own model formsets treat it as a tampered row);
- a rich text that is not the editor's JSON was a JSON error;
- an inline formset's row count (``…-TOTAL_FORMS``) is believed by Django up to 2,000 rows: a count of
  100,000 built, validated and drew again 2,000 empty rows before refusing them, 10 to 40 seconds of
  server work for one request;
- and a snippet's chooser, which has no form to create one, still answered a POST to its "create"
  address by validating a form that does not exist (an AttributeError).

Here, once for the whole admin (``install()``, from this package's ``ready()``; the rich text editor is
named by ``WAGTAILADMIN_RICH_TEXT_EDITORS``): the chooser shows an empty choice next to its field's
error, the inline row is a new row that its own fields refuse, the rich text is read as the plain
text a browser without the editor's script would send, and a chooser with nothing to create refuses
the POST (403) as it refuses any action it does not allow. An inline formset builds no more rows than
the posted data holds (each row the admin's script adds sends at least its hidden key), so a count
that the rows do not back costs no more than the rows themselves, and is refused in French.
"""

import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.formsets import TOTAL_FORM_COUNT
from django.forms.models import BaseModelFormSet
from django.utils.html import format_html_join
from modelcluster.forms import BaseTransientModelFormSet
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.admin.views.generic.chooser import CreateViewMixin
from wagtail.admin.widgets.chooser import BaseChooser


class ReadableDraftailRichTextArea(DraftailRichTextArea):
    """Wagtail's rich text editor, which reads a value that is not its JSON as plain text."""

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        if value is None:
            return None
        try:
            if isinstance(json.loads(value), dict | None):
                return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):  # JSONDecodeError is a ValueError
            pass
        return format_html_join("", "<p>{}</p>", ((line,) for line in value.splitlines() if line.strip()))


_chooser_instance = BaseChooser.get_instance


def chooser_instance(self, value):
    """The row a chooser shows, or None when the posted key is no key at all."""
    try:
        return _chooser_instance(self, value)
    except (ValueError, TypeError, OverflowError, ValidationError):
        return None


_construct_inline_form = BaseTransientModelFormSet._construct_form


def construct_inline_form(self, i, **kwargs):
    """An inline form; a row whose posted key is not a key is built as a new row, whose key field
    then refuses the value (as Django's model formsets do)."""
    try:
        return _construct_inline_form(self, i, **kwargs)
    except (KeyError, ValidationError):
        kwargs["instance"] = self.model()
        return super(BaseModelFormSet, self)._construct_form(i, **kwargs)


TAMPERED_COUNT = (
    "Ce formulaire annonce plus de lignes qu'il n'en envoie : il a été modifié avant l'envoi. "
    "Rien n'a été enregistré ; rechargez la page, puis recommencez."
)


def posted_rows(formset):
    """How many rows of ``formset`` the posted data holds: the distinct row numbers its keys name
    ("decisions-3-text" is row 3). One pass over the keys, which DATA_UPLOAD_MAX_NUMBER_FIELDS bounds."""
    if "_posted_rows" not in formset.__dict__:
        head = formset.prefix + "-"
        announced = formset.management_form.cleaned_data.get(TOTAL_FORM_COUNT, 0)
        rows = set()
        for key in formset.data:
            if key.startswith(head):
                number, dash, _field = key[len(head) :].partition("-")
                # A row number as the script writes it: short ASCII digits, no leading zero.
                if dash and number.isascii() and number.isdigit() and len(number) < 7 and number == str(int(number)):
                    rows.add(int(number))
        formset._posted_rows = sum(1 for row in rows if row < announced)
    return formset._posted_rows


_inline_form_count = BaseTransientModelFormSet.total_form_count


def inline_form_count(self):
    """Django's count (the posted one, at most ``absolute_max``), at most the rows actually posted."""
    count = _inline_form_count(self)
    return min(count, posted_rows(self)) if self.is_bound else count


_inline_full_clean = BaseTransientModelFormSet.full_clean


def inline_full_clean(self):
    """Django's validation; a count the posted rows do not back is refused with one French message
    (instead of Django's "at most 1,000 forms", which speaks of forms the user never saw)."""
    _inline_full_clean(self)
    management = self.management_form
    if self.is_bound and management.is_valid() and management.cleaned_data[TOTAL_FORM_COUNT] > posted_rows(self):
        self._non_form_errors = self.error_class(
            [ValidationError(TAMPERED_COUNT, code="tampered_count")], error_class="nonform", renderer=self.renderer
        )


_chooser_create = CreateViewMixin.post


def chooser_create(self, request):
    """A chooser's creation form sent: refused when the chooser has none."""
    if self.get_creation_form_class() is None:
        raise PermissionDenied
    return _chooser_create(self, request)


def install():
    BaseChooser.get_instance = chooser_instance
    BaseTransientModelFormSet._construct_form = construct_inline_form
    BaseTransientModelFormSet.total_form_count = inline_form_count
    BaseTransientModelFormSet.full_clean = inline_full_clean
    CreateViewMixin.post = chooser_create
