"""Filters of the section indexes (resources, news watch, network news, publications)."""

import django_filters
from django import forms
from taggit.models import Tag

from workspace.filtering import ListingFilterSet, slug_filter


class SectionFilterSet(ListingFilterSet):
    """A category (when the section's pages have one) and a tag."""

    categorie = django_filters.ChoiceFilter(
        label="Catégorie", field_name="category", empty_label="Toutes les catégories"
    )
    etiquette = slug_filter("Étiquette", Tag.objects.all(), "Toutes les étiquettes", field_name="tags")
    unknown_value_notices = {
        "categorie": "Cette catégorie n'existe pas : toutes les catégories sont affichées.",
        "etiquette": "Cette étiquette n'existe pas : toutes les étiquettes sont affichées.",
    }

    def __init__(self, request, queryset, categories=None, tags=()):
        super().__init__(request, queryset)
        if categories is None:
            del self.filters["categorie"]
        else:
            self.filters["categorie"].extra["choices"] = categories
        # Any tag may be asked for, but the form offers those used in the section (none: a
        # hidden field keeps the one asked for).
        field = self.form.fields["etiquette"]
        if tags:
            field.widget.choices = [("", field.empty_label), *((tag.slug, tag.name) for tag in tags)]
        else:
            field.widget = forms.HiddenInput()
