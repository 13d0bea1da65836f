"""Open data: the structures that agreed to it (Structure.open_data), in the national data·inclusion
schema (https://schema.data.inclusion.gouv.fr), as JSON and CSV at stable public addresses.

Each record is built and checked by the schema's own published models (the PyPI package
``data-inclusion-schema``, v1): a record the schema refuses is a bug here, not a file to publish.
The schema lists no "Promeneurs du Net" scheme (dispositif) or network: a structure carries the
networks it belongs to (``reseaux_porteurs``) and its description names the scheme. Only what a
structure shows the public already is published: never its referent.
"""

from data_inclusion.schema import v1 as data_inclusion
from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_safe

from network.directory.models import PublicDirectoryPage, Structure
from workspace import exports, mail

SOURCE = "promeneurs-du-net-66"
SCHEMA_URL = "https://schema.data.inclusion.gouv.fr"
NETWORKS = {
    Structure.Kind.MJC: data_inclusion.ReseauPorteur.MJC,
    Structure.Kind.MISSION_LOCALE: data_inclusion.ReseauPorteur.MISSION_LOCALE,
    Structure.Kind.YOUTH_INFO: data_inclusion.ReseauPorteur.RESEAU_INFORMATION_JEUNESSE,
    Structure.Kind.LOCAL_AUTHORITY: data_inclusion.ReseauPorteur.COMMUNES,
}
FIELDS = list(data_inclusion.Structure.model_fields)


def published_structures():
    return Structure.objects.listed().filter(open_data=True).order_by("name")


def description(structure):
    return (
        f"{structure.get_kind_display()} membre du réseau des Promeneurs du Net des Pyrénées-Orientales : "
        "des professionnels de la jeunesse y assurent une présence éducative sur les réseaux sociaux "
        "auprès des 12-25 ans."
    )


def record(structure, directory=None):
    """The data·inclusion Structure of ``structure``, validated by the schema's model."""
    postcode = structure.postcode.replace(" ", "")
    network = NETWORKS.get(structure.kind)
    return data_inclusion.Structure(
        source=SOURCE,
        id=f"{SOURCE}--{structure.slug}",
        nom=structure.name[:150],
        date_maj=timezone.localdate(structure.updated_at),
        description=description(structure),
        lien_source=mail.absolute_url(directory.structure_url(structure)) if directory else None,
        commune=structure.commune or None,
        code_postal=postcode if len(postcode) == 5 and postcode.isdigit() else None,
        adresse=structure.address or None,
        telephone=structure.phone or None,
        site_web=structure.website or None,
        reseaux_porteurs={network} if network else None,
    )


def records():
    directory = PublicDirectoryPage.objects.live().first()
    return [record(structure, directory) for structure in published_structures()]


def _open(response):
    response["Access-Control-Allow-Origin"] = "*"  # anyone's tool may read open data
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_safe
def structures_json(request):
    data = [item.model_dump(mode="json") for item in records()]
    return _open(JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False, "indent": 2}))


def csv_row(item):
    values = item.model_dump(mode="json")
    # A list (reseaux_porteurs) in one cell, its values as the schema writes them.
    return [sorted(value) if isinstance(value, list) else value for value in (values[name] for name in FIELDS)]


@require_safe
def structures_csv(request):
    # Values as the schema writes them (ISO dates): the CSV is read by programs as much as by Excel.
    return _open(exports.csv_response("structures", FIELDS, [csv_row(item) for item in records()]))


app_name = "open_data"
urlpatterns = [
    path("donnees/structures.json", structures_json, name="structures_json"),
    path("donnees/structures.csv", structures_csv, name="structures_csv"),
]
