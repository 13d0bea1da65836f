"""Filters of the directory listings: the same rules for the public and the members' pages."""

from functools import reduce
from operator import or_

import django_filters
from django.db.models import Q

from network.directory.models.communes import Commune
from network.directory.models.people import Promeneur, SocialProfile, Territory, Theme
from network.directory.models.relays import Relay
from workspace.filtering import ListingFilterSet, slug_filter
from workspace.search.words import matching, word_start

# Where a structure is: the commune as typed, and the official commune (name, postcodes and
# intercommunality), so that "Canet", "66600" or "Vallespir" find it whatever the accents.
PLACE_FIELDS = (
    "commune",
    "postcode",
    "insee_commune__name",
    "insee_commune__postcodes",
    "insee_commune__epci_name",
)
STRUCTURE_SEARCH_FIELDS = ("name", *PLACE_FIELDS)


# What of an official commune names it in a search: the same words as a structure's place.
COMMUNE_SEARCH_FIELDS = ("name", "postcodes", "epci_name")


def in_a_territory(word):
    """Promeneurs covering a territory with ``word`` in its name, or with a commune in it whose
    name, postcode or intercommunality has it ("Canet", "66140" find whoever covers Perpignan
    Méditerranée Métropole): one subquery, whatever the number of rows."""
    communes = Commune.objects.filter(reduce(or_, (word_start(field, word) for field in COMMUNE_SEARCH_FIELDS)))
    through = Promeneur.territories.through.objects.filter(
        word_start("territory__name", word) | Q(territory__in=Territory.objects.containing(communes))
    )
    return Q(pk__in=through.values("promeneur_id"))


PROMENEUR_SEARCH_FIELDS = (
    "first_name",
    "last_name",
    "job_title",
    "presentation",
    in_a_territory,
    *(f"structure__{field}" for field in STRUCTURE_SEARCH_FIELDS),
)


def search_promeneurs(queryset, text):
    """Promeneurs with each word of ``text`` at the start of a word of their name, job, presentation,
    territories (their name or one of their communes), or their structure's name and place."""
    return matching(queryset, text, PROMENEUR_SEARCH_FIELDS)


def search_structures(queryset, text):
    return matching(queryset, text, STRUCTURE_SEARCH_FIELDS)


def territory_filter(**kwargs):
    """The "Territoire" filter shared by the directory and the relays (by slug in the address)."""
    return slug_filter("Territoire", Territory.objects.all(), "Tous les territoires", **kwargs)


class DirectoryFilterSet(ListingFilterSet):
    """Promeneurs of the public and the members' directories."""

    q = django_filters.CharFilter(label="Commune, code postal, nom ou structure", max_length=100, method="search")
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
        return search_promeneurs(queryset, value)

    def structures(self, queryset):
        """Structures of the members' directory, by the same filters: in the territory (theirs
        or one of their promeneurs'), with the words in their name or commune."""
        if territory := self.values.get("territoire"):
            queryset = queryset.filter(Q(territory=territory) | Q(promeneurs__territories=territory))
        queryset = search_structures(queryset, self.values.get("q", ""))
        return queryset.select_related("territory").distinct()


class RelayFilterSet(ListingFilterSet):
    domaine = django_filters.ChoiceFilter(
        label="Domaine", field_name="domain", choices=Relay.Domain.choices, empty_label="Tous les domaines"
    )
    territoire = territory_filter(method="in_territory")

    def in_territory(self, queryset, name, territory):
        """A territory keeps the relays without territory: they serve the whole department."""
        return queryset.filter(Q(territory=territory) | Q(territory__isnull=True))
