"""The official list of the département's communes (network/directory/data/communes-66.json, see
its README): loading it into the database, finding a structure's commune from what was typed, the
official code a territory stands for (an intercommunality's SIREN, a commune's INSEE code), and
the place a visitor names in a search (a commune, a postcode or an intercommunality) with the
intercommunalities around it (data/epci-neighbours-66.json: the data has no coordinates)."""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from network.directory.models.communes import Commune
from workspace.display import of
from workspace.search.words import matching, normalised, search_words, words

DATA = Path(__file__).resolve().parent / "data"
COMMUNES_FILE = DATA / "communes-66.json"
NEIGHBOURS_FILE = DATA / "epci-neighbours-66.json"
FIELDS = ("name", "population", "epci_code", "epci_name")
POSTCODE = re.compile(r"\d{5}")
# How many communes a name may begin before it is too vague to be a place ("saint").
MAX_CANDIDATES = 50
# Words of an intercommunality's official name that a territory's name leaves out: "CC du
# Vallespir" is the territory "Vallespir (Céret)", "CC Sud-Roussillon" the territory "Sud Roussillon".
EPCI_NAME_FILLERS = frozenset(
    {"cc", "ca", "cu", "communaute", "communes", "agglomeration", "urbaine"}
    | {"de", "du", "des", "d", "la", "le", "les", "l", "et"}
)


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


def communes_named(text):
    """The communes whose name is ``text`` (whatever its accents, case, hyphens or a "St" for
    "Saint") and, when none is, the communes whose name begins with it ("Canet"), an article left
    out ("Boulou" for Le Boulou)."""
    key = normalised(text)
    if not key:
        return []
    candidates = list(matching(Commune.objects.all(), text, ["name"])[:MAX_CANDIDATES])
    names = {commune.pk: _name_keys(commune.name) for commune in candidates}
    exact = [commune for commune in candidates if key in names[commune.pk]]
    return exact or [commune for commune in candidates if any(name.startswith(key) for name in names[commune.pk])]


def _name_keys(name):
    """A commune's name as compared with what was typed: with and without its article."""
    key = normalised(name)
    article, _, rest = key.partition(" ")
    return (key, rest) if article in ("le", "la", "les", "l") and rest else (key,)


def match_commune(name, postcode=""):
    """The commune called ``name`` (whatever its accents and case), narrowed by ``postcode`` when
    two communes share a name; None unless exactly one matches."""
    key = normalised(name)
    candidates = [commune for commune in communes_named(name) if normalised(commune.name) == key]
    if len(candidates) > 1 and postcode:
        candidates = [commune for commune in candidates if postcode.strip() in commune.postcode_list]
    return candidates[0] if len(candidates) == 1 else None


def official_code(name, kind, commune_model=Commune):
    """The official code a territory called ``name`` stands for, or "" when none is certain: for an
    intercommunality ("epci"), the SIREN of the one whose name has the same words, else the only
    one whose name has all its words or whose words are all in it ("Salanque Méditerranée" is the
    CC Corbières Salanque Méditerranée, "Vallespir (Céret)" the CC du Vallespir, "Conflent" is
    two and none); for a commune, its INSEE code. ``commune_model`` is the model class (a
    migration passes its historical one)."""
    if kind == "commune":
        key = normalised(name)
        codes = {commune.code for commune in commune_model.objects.all() if key in _name_keys(commune.name)}
        return codes.pop() if len(codes) == 1 else ""
    if kind != "epci":
        return ""
    wanted = _epci_words(name)
    if not wanted:
        return ""
    epcis = commune_model.objects.exclude(epci_code="").order_by().values_list("epci_code", "epci_name").distinct()
    official = {code: _epci_words(epci_name) for code, epci_name in epcis}
    same = [code for code, their_words in official.items() if their_words == wanted]
    close = [code for code, their_words in official.items() if their_words <= wanted or wanted <= their_words]
    found = same or close
    return found[0] if len(found) == 1 else ""


def _epci_words(name):
    return frozenset(words(name)) - EPCI_NAME_FILLERS


@dataclass(frozen=True)
class Place:
    """Where a visitor looks for a promeneur: ``where`` completes "Aucun promeneur …"."""

    where: str
    epci_codes: frozenset


def find_place(text):
    """The place ``text`` names, or None: a postcode, one commune (by its name or the beginning of
    it), else the intercommunalities whose name has its words."""
    words = search_words(text)
    if len(words) == 1 and POSTCODE.fullmatch(words[0]):
        codes = Commune.objects.filter(postcodes__contains=words[0]).values_list("epci_code", flat=True)
        return Place(f"dans le {words[0]}", frozenset(codes)) if codes else None
    communes = communes_named(text)
    if communes and len({normalised(commune.name) for commune in communes}) == 1:
        return Place(at(communes[0].name), frozenset(commune.epci_code for commune in communes))
    if communes:
        return None  # the beginning of several names: too vague to say where
    epcis = dict(
        matching(Commune.objects.exclude(epci_code=""), text, ["epci_name"]).values_list("epci_code", "epci_name")
    )
    if not epcis:
        return None
    names = " ou ".join(f"la {name}" for name in sorted(set(epcis.values())))
    return Place(f"sur le territoire {of(names)}", frozenset(epcis))


def at(name):
    """ "à Err", "au Boulou", "aux Angles": French contracts à with le and les."""
    for article, contracted in (("Le ", "au "), ("Les ", "aux ")):
        if name.startswith(article):
            return contracted + name[len(article) :]
    return f"à {name}"


@cache
def epci_neighbours(path=NEIGHBOURS_FILE):
    """{EPCI code: frozenset of its neighbours' codes}."""
    table = json.loads(Path(path).read_text(encoding="utf-8"))["epci"]
    return {code: frozenset(row["neighbours"]) for code, row in table.items()}


def nearest(promeneurs, place, limit=6):
    """Up to ``limit`` of ``promeneurs`` (a Promeneur queryset) closest to ``place``: those whose
    structure is in its intercommunality or who cover a territory there, else the same in a
    neighbouring one."""
    around = frozenset().union(*(epci_neighbours().get(code, frozenset()) for code in place.epci_codes))
    for codes in (place.epci_codes, around - place.epci_codes):
        if not codes:
            continue
        there = promeneurs.filter(structure__insee_commune__epci_code__in=codes)
        covering = promeneurs.covering(Commune.objects.filter(epci_code__in=codes))
        found = list((there | covering)[:limit])
        if found:
            return found
    return []


@dataclass(frozen=True)
class Suggestion:
    notice: str
    promeneurs: list


def suggest(text, promeneurs):
    """When a search for ``text`` found nobody: if it names a place, the promeneurs nearest to it
    and what to tell the visitor ("Aucun promeneur à Err ; les plus proches :"); else None."""
    place = find_place(text)
    if place is None:
        return None
    found = nearest(promeneurs, place)
    if found:
        return Suggestion(f"Aucun promeneur {place.where} ; les plus proches :", found)
    return Suggestion(f"Aucun promeneur {place.where}. Essayez le nom d'une commune voisine.", [])
