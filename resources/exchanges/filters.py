"""Filters of the exchanges list."""

import django_filters
from django import forms

from resources.exchanges.models.discussions import Category, Kind
from workspace.filtering import FlagCheckbox, ListingFilterSet


class DiscussionFilterSet(ListingFilterSet):
    categorie = django_filters.ChoiceFilter(
        label="Catégorie", field_name="category", choices=Category.choices, empty_label="Toutes les catégories"
    )
    nature = django_filters.ChoiceFilter(label="Nature", field_name="kind", choices=Kind.choices, empty_label="Toutes")
    # Set by the tag links of the list, kept by the form in a hidden field.
    mot_cle = django_filters.CharFilter(field_name="tags__slug", widget=forms.HiddenInput)
    etat = django_filters.ChoiceFilter(
        label="Questions sans réponse retenue seulement",
        choices=[("sans-reponse", "oui")],
        method="without_answer",
        widget=FlagCheckbox("sans-reponse"),
    )
    # Unknown values are left out without a notice, as the list always did.
    unknown_value_notices = {"categorie": None, "nature": None, "etat": None}

    def without_answer(self, queryset, name, value):
        return queryset.filter(waiting=0)


# The address says "mot-cle", which cannot be an attribute's name.
DiscussionFilterSet.base_filters = {
    name.replace("mot_cle", "mot-cle"): filter_ for name, filter_ in DiscussionFilterSet.base_filters.items()
}
