"""Filtering the front-end listings: each listing has a django-filter FilterSet (in its
app's filters.py) built on this one, which reads the address's query string.

An unknown value (a territory or a tag that does not exist) never gives an error page:
its filter is left out and the list shown without it. The pagination is the site's
(workspace.pages.pagination): a bad page number gives the nearest page."""

import django_filters
from django import forms
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django_filters.constants import EMPTY_VALUES

from workspace.pages.pagination import paginate


class ListingFilterSet(django_filters.FilterSet):
    #: {filter name: French notice}: an unknown value of these filters is explained above the
    #: list (None: left out without a word), not next to its field as the form does otherwise.
    unknown_value_notices = {}

    def __init__(self, request, queryset):
        # Without parameters the form is unbound: nothing to check, nothing selected.
        super().__init__(request.GET or None, queryset, request=request)

    @cached_property
    def _checked(self):
        if not self.is_bound:
            return {}, []
        notices = []
        if not self.form.is_valid():
            for name, notice in self.unknown_value_notices.items():
                if self.form.errors.pop(name, None) and notice:
                    notices.append(notice)
        return {name: value for name, value in self.form.cleaned_data.items() if value not in EMPTY_VALUES}, notices

    @property
    def values(self):
        """The valid, non-empty filters of the address."""
        return self._checked[0]

    @property
    def notices(self):
        """The French notices of ``unknown_value_notices`` for the values left out."""
        return self._checked[1]

    def filter_queryset(self, queryset):
        for name, value in self.values.items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def query_string(self):
        """The active filters, as the pagination links keep them (a record by its slug)."""
        return urlencode({name: self.form.fields[name].prepare_value(value) for name, value in self.values.items()})

    def paginate(self, per_page):
        """(page of the filtered list, French notice or "") for the address's page number."""
        return paginate(self.qs, self.request.GET.get("page"), per_page)


def slug_filter(label, queryset, empty_label, **kwargs):
    """A filter on a related record (a territory, a theme, a tag) named by its slug in the address."""
    return django_filters.ModelChoiceFilter(
        label=label, queryset=queryset, to_field_name="slug", empty_label=empty_label, **kwargs
    )


class FlagCheckbox(forms.CheckboxInput):
    """A checkbox for a one-choice filter: ticked, it sends ``value`` (``etat=sans-reponse``)
    rather than Django's "on", so that the address says what it filters."""

    def __init__(self, value):
        super().__init__(attrs={"value": value}, check_test=lambda current: current == value)

    def format_value(self, value):
        return None  # the value is the one in attrs, ticked or not

    def value_from_datadict(self, data, files, name):
        return data.get(name)
