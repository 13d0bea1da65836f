"""Filtering the directory listings: the same rules for the public and the members' pages."""

from django.db.models import Q


def filter_promeneurs(queryset, form):
    filters = form.clean_filters()
    if territory := filters.get("territoire"):
        queryset = queryset.filter(territories=territory)
    if network := filters.get("reseau"):
        queryset = queryset.filter(social_profiles__network=network)
    if theme := filters.get("theme"):
        queryset = queryset.filter(themes=theme)
    for word in filters.get("q", "").split():
        queryset = queryset.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(job_title__icontains=word)
            | Q(structure__name__icontains=word)
            | Q(structure__commune__icontains=word)
            | Q(presentation__icontains=word)
        )
    # A promeneur with two profiles on the filtered network would appear twice.
    return queryset.distinct()


def filter_structures(queryset, form):
    """Structures of the members' directory: by territory, or by a word of their name or commune."""
    filters = form.clean_filters()
    if territory := filters.get("territoire"):
        queryset = queryset.filter(Q(territory=territory) | Q(promeneurs__territories=territory))
    for word in filters.get("q", "").split():
        queryset = queryset.filter(Q(name__icontains=word) | Q(commune__icontains=word))
    return queryset.select_related("territory").distinct()


def filter_relays(queryset, form):
    """A territory keeps the relays without territory: they serve the whole department."""
    filters = form.clean_filters()
    if domain := filters.get("domaine"):
        queryset = queryset.filter(domain=domain)
    if territory := filters.get("territoire"):
        queryset = queryset.filter(Q(territory=territory) | Q(territory__isnull=True))
    return queryset
