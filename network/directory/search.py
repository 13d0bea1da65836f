"""The directory in the site search (/recherche/): public promeneurs and structures, by name or by
place (commune, postcode, intercommunality), registered in wagtail_hooks.py. Only what the public
directory shows: never a promeneur who did not opt in, never an e-mail or a phone."""

from network.directory.communes import suggest
from network.directory.filters import search_promeneurs, search_structures
from network.directory.models import Promeneur, PublicDirectoryPage, Structure
from workspace.search.types import Found, LazyHits, SearchHit


def promeneur_hit(request):
    def to_hit(promeneur):
        structure = promeneur.structure
        where = f"{structure.name}, {structure.commune}" if structure and structure.commune else str(structure or "")
        meta = " · ".join(part for part in ("Promeneur", promeneur.job_title, where) if part)
        summary = f"En ligne : {promeneur.hours_online}" if promeneur.hours_online else ""
        url = PublicDirectoryPage.address(request, "sheet", slug=promeneur.slug)
        return SearchHit(promeneur.full_name, url, meta, summary)

    return to_hit


def find_promeneurs(request, query):
    if not PublicDirectoryPage.address(request, "directory"):
        return Found([])
    listed = Promeneur.objects.publicly_listed().select_related("structure")
    to_hit = promeneur_hit(request)
    found = search_promeneurs(listed, query)
    if found.exists():
        return Found(LazyHits(found, to_hit))
    suggestion = suggest(query, listed)
    if suggestion is None:
        return Found([])
    return Found([to_hit(promeneur) for promeneur in suggestion.promeneurs], suggestion.notice)


def find_structures(request, query):
    if not PublicDirectoryPage.address(request, "directory"):
        return Found([])
    structures = search_structures(Structure.objects.listed(), query)

    def to_hit(structure):
        place = f"{structure.commune} ({structure.postcode})" if structure.postcode else structure.commune
        meta = " · ".join(part for part in ("Structure", structure.get_kind_display(), place) if part)
        return SearchHit(structure.name, PublicDirectoryPage.address(request, "structure", slug=structure.slug), meta)

    return Found(LazyHits(structures, to_hit))
