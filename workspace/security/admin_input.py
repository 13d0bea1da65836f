"""The admin's input read as a tampered or broken form may send it, never a server error.

A chooser's key, the key of an inline form's row and the rich text editor's JSON are written by the
admin's scripts into hidden fields; a form posted by anything else may hold any text there. Wagtail
and django-modelcluster read them as if their script had written them, each a server error:

- a chooser looks up the row it shows when a refused form is drawn again: a key that is not a number
  ("abc", 10 000 digits) was a ValueError while the page was drawn;
- an inline row whose key is not a number, or missing, was a ValidationError or a KeyError while the
  inline forms were built (Django's own model formsets treat it as a tampered row);
- a rich text that is not the editor's JSON was a JSON error;
- an inline formset's row count (``…-TOTAL_FORMS``) was believed up to 2,000 rows (formsets.py);
- and a snippet's chooser, which has no form to create one, still answered a POST to its "create"
  address by validating a form that does not exist (an AttributeError).

Here, once for the whole admin (``install()``, from this package's ``ready()``; the rich text editor is
named by ``WAGTAILADMIN_RICH_TEXT_EDITORS``): the chooser shows an empty choice next to its field's
error, the inline row is a new row that its own fields refuse, the rich text is read as the plain
text a browser without the editor's script would send, and a chooser with nothing to create refuses
the POST (403) as it refuses any action it does not allow. An inline formset follows the members'
formsets' rule on its row count (formsets.py).
"""

import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseModelFormSet
from django.utils.html import format_html_join
from modelcluster.forms import BaseTransientModelFormSet
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.admin.views.generic.chooser import CreateViewMixin
from wagtail.admin.widgets.chooser import BaseChooser

from workspace.security.formsets import bounded_form_count, refuse_unbacked_count


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


_inline_form_count = BaseTransientModelFormSet.total_form_count


def inline_form_count(self):
    return bounded_form_count(self, _inline_form_count(self))


_inline_full_clean = BaseTransientModelFormSet.full_clean


def inline_full_clean(self):
    _inline_full_clean(self)
    refuse_unbacked_count(self)


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
