"""Importing the coordinator's spreadsheet (CSV) of structures and promeneurs.

Every row is validated first and each error is reported with its line number. Nothing
is written when a row is invalid, unless the caller asks for the valid rows only.
Rows are matched to what already exists (a structure by its name, a promeneur by
their e-mail), so running the same file twice creates no duplicate.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.text import slugify

from network.directory.forms import normalise_phone
from network.directory.models import Promeneur, SocialProfile, Structure, Territory

YES = {"oui", "o", "yes", "y", "1", "vrai", "x"}
NO = {"non", "n", "no", "0", "faux", ""}
LIST_SEPARATOR = "|"

HEADER_ALIASES = {
    "mail": "email",
    "e_mail": "email",
    "courriel": "email",
    "adresse_e_mail": "email",
    "tel": "telephone",
    "telephone_professionnel": "telephone",
    "structure_porteuse": "structure",
    "territoire": "territoires",
    "cp": "code_postal",
    "site": "site_web",
    "referent_e_mail": "referent_email",
    "referent_mail": "referent_email",
    # The headings of the admin's own exports (network/directory/viewsets/directory.py).
    "e_mail_professionnel": "email",
    "quartier_prioritaire_qpv": "qpv",
}
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")


class ImportFileError(Exception):
    """The file as a whole cannot be read: nothing is imported."""


@dataclass
class ImportReport:
    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    errors: list = field(default_factory=list)  # (line, message)
    imported: bool = False

    @property
    def invalid_lines(self):
        return sorted({line for line, _ in self.errors})


def normalise_header(name):
    key = slugify(name.strip().lstrip("\ufeff")).replace("-", "_")
    return HEADER_ALIASES.get(key, key)


def read_rows(raw, encoding="utf-8"):
    """(header, [(line_number, {column: value})]) from the bytes of a CSV file."""
    try:
        text = raw.decode("utf-8-sig" if encoding.lower().replace("-", "") == "utf8" else encoding)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ImportFileError(
            f"Le fichier n'est pas encodé en UTF-8 (caractère illisible ligne {line}). Dans votre tableur, "
            "enregistrez-le au format « CSV UTF-8 », ou indiquez son encodage avec --encoding cp1252."
        ) from error
    except LookupError as error:
        raise ImportFileError(f"Encodage inconnu : « {encoding} ».") from error
    if not text.strip():
        raise ImportFileError("Le fichier est vide : il ne contient ni ligne d'en-tête ni données.")
    first_line = text.splitlines()[0]
    try:
        dialect = csv.Sniffer().sniff(first_line, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = [normalise_header(name) for name in next(reader)]
    rows = []
    for values in reader:
        if not any(value.strip() for value in values):
            continue
        if len(values) > len(header):
            rows.append((reader.line_num, None))
            continue
        rows.append((reader.line_num, {name: value.strip() for name, value in zip(header, values, strict=False)}))
    return header, rows


def check_columns(header, required, optional):
    missing = [name for name in required if name not in header]
    unknown = [name for name in header if name and name not in required and name not in optional]
    duplicated = sorted({name for name in header if header.count(name) > 1})
    if missing or unknown or duplicated:
        parts = []
        if missing:
            parts.append("colonnes obligatoires manquantes : " + ", ".join(missing))
        if unknown:
            parts.append("colonnes inconnues : " + ", ".join(unknown))
        if duplicated:
            parts.append("colonnes en double : " + ", ".join(duplicated))
        raise ImportFileError(
            "Les colonnes du fichier ne sont pas celles attendues ("
            + " ; ".join(parts)
            + "). Colonnes attendues : "
            + ", ".join(required)
            + " (obligatoires), "
            + ", ".join(optional)
            + "."
        )


def parse_bool(value, column, errors):
    lowered = value.strip().lower()
    if lowered in YES:
        return True
    if lowered in NO:
        return False
    errors.append(f"{column} : « {value} » n'est pas « oui » ou « non »")
    return False


def parse_date(value, column, errors):
    """A date as French Excel writes it (31/01/2026) or ISO (2026-01-31); empty is no date."""
    value = value.strip()
    if not value:
        return None
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, date_format).date()
        except ValueError:
            continue
    errors.append(f"{column} : « {value} » n'est pas une date jj/mm/aaaa")
    return None


def choice_value(value, choices):
    """The stored value of a choice written as its value or its label, or None."""
    key = slugify(value).replace("-", "_")
    for stored, label in choices:
        if key in (stored, slugify(label).replace("-", "_")):
            return stored
    return None


def check_email(value, column, errors, required=False):
    if not value:
        if required:
            errors.append(f"{column} : obligatoire")
        return ""
    try:
        validate_email(value)
    except ValidationError:
        errors.append(f"{column} : adresse e-mail invalide « {value} »")
    return value.lower()


def check_phone(value, column, errors):
    try:
        return normalise_phone(value)
    except ValidationError:
        errors.append(f"{column} : numéro de téléphone invalide « {value} »")
        return ""


def find_territories(value, territories, errors):
    found = []
    for name in filter(None, (part.strip() for part in value.split(LIST_SEPARATOR))):
        territory = territories.get(name.lower()) or territories.get(slugify(name))
        if territory is None:
            errors.append(f"territoires : territoire inconnu « {name} »")
        else:
            found.append(territory)
    return found


def territory_index():
    index = {}
    for territory in Territory.objects.all():
        index[territory.name.lower()] = territory
        index[territory.slug] = territory
    return index


# --- Structures ---------------------------------------------------------------------------

STRUCTURE_REQUIRED = ["nom"]
STRUCTURE_OPTIONAL = [
    "type",
    "adresse",
    "code_postal",
    "commune",
    "territoires",
    "telephone",
    "site_web",
    "referent_nom",
    "referent_fonction",
    "referent_email",
    "referent_telephone",
    "qpv",
    "statut",
    "donnees_ouvertes",
]
STRUCTURE_KINDS = {
    **{value: value for value in Structure.Kind.values},
    **{slugify(label).replace("-", "_"): value for value, label in Structure.Kind.choices},
    "pij": Structure.Kind.YOUTH_INFO,
    "bij": Structure.Kind.YOUTH_INFO,
}


def validate_structure(row, territories, errors):
    name = row.get("nom", "")
    if not name:
        errors.append("nom : obligatoire")
    kind = Structure.Kind.ASSOCIATION
    if row.get("type"):
        kind = STRUCTURE_KINDS.get(slugify(row["type"]).replace("-", "_"))
        if kind is None:
            errors.append(f"type : type de structure inconnu « {row['type']} »")
    territory_list = find_territories(row.get("territoires", ""), territories, errors)
    website = row.get("site_web", "")
    if website:
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError:
            errors.append(f"site_web : adresse web invalide « {website} »")
    optional = {}
    if "statut" in row:
        status = choice_value(row["statut"], Structure.Status.choices) if row["statut"] else Structure.Status.ACTIVE
        if status is None:
            errors.append(f"statut : statut inconnu « {row['statut']} »")
        else:
            optional["status"] = status
    if "donnees_ouvertes" in row:
        optional["open_data"] = parse_bool(row["donnees_ouvertes"], "donnees_ouvertes", errors)
    return name, optional | {
        "kind": kind,
        "address": row.get("adresse", ""),
        "postcode": row.get("code_postal", ""),
        "commune": row.get("commune", ""),
        "territory": territory_list[0] if territory_list else None,
        "phone": check_phone(row.get("telephone", ""), "telephone", errors),
        "website": website,
        "referent_name": row.get("referent_nom", ""),
        "referent_role": row.get("referent_fonction", ""),
        "referent_email": check_email(row.get("referent_email", ""), "referent_email", errors),
        "referent_phone": check_phone(row.get("referent_telephone", ""), "referent_telephone", errors),
        "priority_neighbourhood": parse_bool(row.get("qpv", ""), "qpv", errors),
    }


def save_structure(key, values):
    existing = Structure.objects.filter(name__iexact=key).first()
    if existing is None:
        Structure.objects.create(name=key, **values)
        return True
    for name, value in values.items():
        setattr(existing, name, value)
    existing.save()
    return False


# --- Promeneurs ---------------------------------------------------------------------------

PROMENEUR_REQUIRED = ["prenom", "nom", "email", "structure"]
NETWORK_COLUMNS = list(SocialProfile.Network.values)
PROMENEUR_OPTIONAL = [
    "telephone",
    "fonction",
    "territoires",
    "actif",
    "annuaire_public",
    *NETWORK_COLUMNS,
    # What the admin's export adds: an export imports back unchanged.
    "reseaux_sociaux",
    "horaires_en_ligne",
    "photo_publique",
    "version_de_la_charte",
    "charte_signee_le",
    "entree_dans_le_reseau",
    "sortie_du_reseau",
]
NETWORK_BY_NAME = {
    **{code: code for code in SocialProfile.Network.values},
    **{label.lower(): code for code, label in SocialProfile.Network.choices},
}
# Columns set only when the file has them: a file without them leaves the record's values alone.
PROMENEUR_TEXT_COLUMNS = {"horaires_en_ligne": "hours_online", "version_de_la_charte": "charter_version"}
PROMENEUR_DATE_COLUMNS = {
    "charte_signee_le": "charter_signed_on",
    "entree_dans_le_reseau": "entry_date",
    "sortie_du_reseau": "exit_date",
}


def parse_social_profiles(value, errors):
    """ "Instagram : zoe66 | TikTok : zoe" as [(network, profile name)]."""
    profiles = []
    for part in filter(None, (part.strip() for part in value.split(LIST_SEPARATOR))):
        name, separator, profile_name = part.partition(":")
        network = NETWORK_BY_NAME.get(name.strip().lower())
        if not separator or network is None or not profile_name.strip():
            errors.append(f"reseaux_sociaux : « {part} » n'est pas « Réseau : nom du profil »")
            continue
        profiles.append((network, profile_name.strip()))
    return profiles


def validate_promeneur(row, territories, structures, errors):
    for column in ("prenom", "nom"):
        if not row.get(column):
            errors.append(f"{column} : obligatoire")
    email = check_email(row.get("email", ""), "email", errors, required=True)
    structure = None
    if not row.get("structure"):
        errors.append("structure : obligatoire")
    else:
        structure = structures.get(row["structure"].lower())
        if structure is None:
            errors.append(
                f"structure : structure inconnue « {row['structure']} » (importez d'abord les structures, "
                "ou corrigez son nom)"
            )
    values = {
        "first_name": row.get("prenom", ""),
        "last_name": row.get("nom", ""),
        "structure": structure,
        "phone": check_phone(row.get("telephone", ""), "telephone", errors),
        "job_title": row.get("fonction", ""),
        "is_active": parse_bool(row["actif"], "actif", errors) if row.get("actif") else True,
        "public_listing": parse_bool(row.get("annuaire_public", ""), "annuaire_public", errors),
    }
    if "photo_publique" in row:
        values["photo_consent"] = parse_bool(row["photo_publique"], "photo_publique", errors)
    for column, name in PROMENEUR_TEXT_COLUMNS.items():
        if column in row:
            values[name] = row[column]
    for column, name in PROMENEUR_DATE_COLUMNS.items():
        if column in row:
            values[name] = parse_date(row[column], column, errors)
    extra = {
        "territories": find_territories(row.get("territoires", ""), territories, errors),
        "profiles": [(network, row[network]) for network in NETWORK_COLUMNS if row.get(network)]
        + parse_social_profiles(row.get("reseaux_sociaux", ""), errors),
    }
    return email, values, extra


def save_promeneur(key, values, extra):
    promeneur = Promeneur.objects.filter(email__iexact=key, anonymised_at__isnull=True).first()
    created = promeneur is None
    if created:
        promeneur = Promeneur(email=key)
    for name, value in values.items():
        setattr(promeneur, name, value)
    promeneur.save()
    promeneur.territories.set(extra["territories"])
    promeneur.save()
    for order, (network, profile_name) in enumerate(extra["profiles"]):
        SocialProfile.objects.update_or_create(
            promeneur=promeneur, network=network, defaults={"profile_name": profile_name, "sort_order": order}
        )
    return created


# --- Running an import --------------------------------------------------------------------

KINDS = {
    "structures": ("structures", STRUCTURE_REQUIRED, STRUCTURE_OPTIONAL),
    "promeneurs": ("promeneurs", PROMENEUR_REQUIRED, PROMENEUR_OPTIONAL),
}


def run_import(kind, raw, *, encoding="utf-8", valid_only=False, dry_run=False, progress=None, every=100):
    """Validate then import ``raw`` (bytes of a CSV file). ``progress(done, total, step)`` is called
    every ``every`` rows. Raises ImportFileError when the file as a whole is unusable."""
    label, required, optional = KINDS[kind]
    header, rows = read_rows(raw, encoding)
    check_columns(header, required, optional)
    if not rows:
        raise ImportFileError("Le fichier ne contient que la ligne d'en-tête : aucune ligne à importer.")
    report = ImportReport(kind=label, rows=len(rows))
    territories = territory_index()
    structures = {s.name.lower(): s for s in Structure.objects.all()} | {s.slug: s for s in Structure.objects.all()}
    valid, seen = [], {}
    for done, (line, row) in enumerate(rows, start=1):
        errors = []
        if row is None:
            report.errors.append((line, "plus de valeurs que de colonnes (un séparateur en trop ?)"))
            continue
        if kind == "structures":
            key, values = validate_structure(row, territories, errors)
            extra = None
        else:
            key, values, extra = validate_promeneur(row, territories, structures, errors)
        dedup_key = (key or "").lower()
        if dedup_key and dedup_key in seen:
            errors.append(f"doublon de la ligne {seen[dedup_key]} (même {'nom' if kind == 'structures' else 'e-mail'})")
        elif dedup_key:
            seen[dedup_key] = line
        report.errors.extend((line, message) for message in errors)
        if not errors:
            valid.append((key, values, extra))
        if progress and done % every == 0:
            progress(done, len(rows), "validation")
    if (report.errors and not valid_only) or dry_run:
        return report
    with transaction.atomic():
        for done, (key, values, extra) in enumerate(valid, start=1):
            created = save_structure(key, values) if kind == "structures" else save_promeneur(key, values, extra)
            report.created += created
            report.updated += not created
            if progress and done % every == 0:
                progress(done, len(valid), "import")
    report.imported = True
    return report
