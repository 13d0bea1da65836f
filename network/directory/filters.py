"""Filters of the directory listings: the same rules for the public and the members' pages."""

from functools import reduce
from operator import or_

import django_filters
from django.db.models import Q

from network.directory.models import Relay, SocialProfile, Territory, Theme
from workspace.filtering import ListingFilterSet, slug_filter

PROMENEUR_SEARCH_FIELDS = (
    "first_name",
    "last_name",
    "job_title",
    "structure__name",
    "structure__commune",
    "presentation",
)
STRUCTURE_SEARCH_FIELDS = ("name", "commune")


def with_every_word(queryset, words, fields):
    """Rows with each of ``words`` in one of ``fields``, whatever the case."""
    for word in words.split():
        queryset = queryset.filter(reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields)))
    return queryset


def territory_filter(**kwargs):
    """The "Territoire" filter shared by the directory and the relays (by slug in the address)."""
    return slug_filter("Territoire", Territory.objects.all(), "Tous les territoires", **kwargs)


class DirectoryFilterSet(ListingFilterSet):
    """Promeneurs of the public and the members' directories."""

    q = django_filters.CharFilter(
        label="Rechercher un nom, une structure, une commune", max_length=100, method="search"
    )
    territoire = territory_filter(field_name="territories")
    # A promeneur with two profiles on the filtered network would appear twice.
    reseau = django_filters.ChoiceFilter(
        label="Réseau social",
        field_name="social_profiles__network",
        choices=SocialProfile.Network.choices,
        empty_label="Tous les réseaux",
        distinct=True,
    )
    theme = slug_filter("Thématique", Theme.objects.all(), "Toutes les thématiques", field_name="themes")

    def search(self, queryset, name, value):
        return with_every_word(queryset, value, PROMENEUR_SEARCH_FIELDS)

    def structures(self, queryset):
        """Structures of the members' directory, by the same filters: in the territory (theirs
        or one of their promeneurs'), with the words in their name or commune."""
        if territory := self.values.get("territoire"):
            queryset = queryset.filter(Q(territory=territory) | Q(promeneurs__territories=territory))
        queryset = with_every_word(queryset, self.values.get("q", ""), STRUCTURE_SEARCH_FIELDS)
        return queryset.select_related("territory").distinct()


class RelayFilterSet(ListingFilterSet):
    domaine = django_filters.ChoiceFilter(
        label="Domaine", field_name="domain", choices=Relay.Domain.choices, empty_label="Tous les domaines"
    )
    territoire = territory_filter(method="in_territory")

    def in_territory(self, queryset, name, territory):
        """A territory keeps the relays without territory: they serve the whole department."""
        return queryset.filter(Q(territory=territory) | Q(territory__isnull=True))
