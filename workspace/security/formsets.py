"""A formset's row count as a tampered form may send it.

The page writes its row count into ``<prefix>-TOTAL_FORMS``, and Django believes it up to
``absolute_max`` (2,000 rows unless the formset says otherwise): a count of 100,000 had the server
build, validate and draw again 2,000 empty rows before refusing them, 10 to 40 seconds of work for
one request, open to any member on their profile or activity grid and to the admin's inline panels.

The rule, one for both: a formset builds no more rows than the posted data holds (every row the page
draws or its script adds sends at least one field), and a count that the rows do not back is refused
with one French message. The members' formsets mix in ``PostedRowsFormSetMixin``; the admin's inline
panels get the same two steps from ``admin_input.install()``.
"""

from django.core.exceptions import ValidationError
from django.forms.formsets import TOTAL_FORM_COUNT

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
                # A row number as the page writes it: short ASCII digits, no leading zero.
                if dash and number.isascii() and number.isdigit() and len(number) < 7 and number == str(int(number)):
                    rows.add(int(number))
        formset._posted_rows = sum(1 for row in rows if row < announced)
    return formset._posted_rows


def bounded_form_count(formset, count):
    """Django's ``count`` of rows to build, at most the rows actually posted."""
    return min(count, posted_rows(formset)) if formset.is_bound else count


def refuse_unbacked_count(formset):
    """After Django's validation: a count the posted rows do not back is refused with one French
    message (instead of Django's "at most 1,000 forms", which speaks of forms the user never saw)."""
    management = formset.management_form
    if formset.is_bound and management.is_valid() and management.cleaned_data[TOTAL_FORM_COUNT] > posted_rows(formset):
        formset._non_form_errors = formset.error_class(
            [ValidationError(TAMPERED_COUNT, code="tampered_count")], error_class="nonform", renderer=formset.renderer
        )


class PostedRowsFormSetMixin:
    """For a formset class: builds no more rows than were posted, refuses a count they do not back."""

    def total_form_count(self):
        return bounded_form_count(self, super().total_form_count())

    def full_clean(self):
        super().full_clean()
        refuse_unbacked_count(self)
