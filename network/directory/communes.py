"""The official list of the département's communes (network/directory/data/communes-66.json, see
its README): loading it into the database, and finding a structure's commune from what was typed."""

import json
from functools import cache
from pathlib import Path

COMMUNES_FILE = Path(__file__).resolve().parent / "data" / "communes-66.json"
FIELDS = ("name", "population", "epci_code", "epci_name")


@cache
def read_communes_file(path=COMMUNES_FILE):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_communes(commune_model, path=COMMUNES_FILE):
    """Create or update every commune of the file (by INSEE code); returns (created, updated).
    ``commune_model`` is the model class (a migration passes its historical one). Communes no
    longer in the file are kept: a structure may still point to one (a merged commune)."""
    existing = {commune.code: commune for commune in commune_model.objects.all()}
    created, changed = [], []
    for row in read_communes_file(path)["communes"]:
        values = {name: row[name] for name in FIELDS} | {"postcodes": " ".join(row["postcodes"])}
        commune = existing.get(row["code"])
        if commune is None:
            created.append(commune_model(code=row["code"], **values))
        elif any(getattr(commune, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(commune, name, value)
            changed.append(commune)
    commune_model.objects.bulk_create(created)
    commune_model.objects.bulk_update(changed, [*FIELDS, "postcodes"])
    return len(created), len(changed)


def match_commune(name, postcode=""):
    """The commune called ``name`` (case and accents as typed), narrowed by ``postcode`` when two
    communes share a name; None unless exactly one matches."""
    from network.directory.models import Commune

    name = (name or "").strip()
    if not name:
        return None
    candidates = list(Commune.objects.filter(name__iexact=name)[:5])
    if len(candidates) > 1 and postcode:
        candidates = [commune for commune in candidates if postcode.strip() in commune.postcode_list]
    return candidates[0] if len(candidates) == 1 else None
