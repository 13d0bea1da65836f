"""Filters of the agendas (the public one and the members' one)."""

import django_filters

from network.events.models.events import Event
from workspace.filtering import ListingFilterSet


class AgendaFilterSet(ListingFilterSet):
    type = django_filters.ChoiceFilter(
        label="Type d'événement", field_name="kind", choices=Event.Kind.choices, empty_label="Tous les types"
    )
    # An unknown type is left out without a notice, as the agenda always did.
    unknown_value_notices = {"type": None}
