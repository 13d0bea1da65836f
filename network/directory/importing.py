"""Importing the coordinator's spreadsheet (CSV) of structures and promeneurs: the one code
path of the admin's import screen and of ``manage.py import_directory``.

A file is read the way French users save it (UTF-8 with or without BOM, or Windows-1252 as
French Excel writes it; ``;`` or ``,``), and the way the admin's own exports write it, so that
an export imports back unchanged. Every row is evaluated first — created, updated, unchanged
or in error, with its French reason — without writing anything (the preview); writing is a
second step. Rows are matched to what exists (a structure by its name, a promeneur by their
e-mail, unique whatever its case), so importing a file twice creates nothing the second time,
and a row never writes over another person's record. Only the columns present in the file are
written: a file without a column leaves that field of existing records as it is.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.contrib.admin.utils import label_for_field
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.text import slugify
from wagtail.log_actions import log

from network.directory.forms import normalise_phone
from network.directory.models import Promeneur, SocialProfile, Structure, Territory

# Read before anything else: a larger file is refused without being decoded.
MAX_FILE_SIZE = 2 * 1024 * 1024

YES = {"oui", "o", "yes", "y", "1", "vrai", "true", "x"}
NO = {"non", "n", "no", "0", "faux", "false", ""}
LIST_SEPARATORS = re.compile(r"[|,]")
DELIMITERS = (";", ",", "\t")
# The admin's exports neutralise text a spreadsheet would run as a formula with a leading
# apostrophe (workspace/exports.py): reading it back removes it.
NEUTRALISED_FORMULA = re.compile(r"^'(?=[=+\-@\t\r])")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The first bytes of files people rename to .csv by mistake.
BINARY_SIGNATURES = {
    b"\x89PNG": "une image PNG",
    b"\xff\xd8\xff": "une image JPEG",
    b"GIF8": "une image GIF",
    b"%PDF": "un document PDF",
    b"PK\x03\x04": "un classeur Excel (.xlsx) ou OpenDocument (.ods), ou une archive ZIP",
    b"\xd0\xcf\x11\xe0": "un classeur Excel ancien (.xls) ou un document Word",
}

CREATED, UPDATED, UNCHANGED, ERROR = "créé", "mis à jour", "inchangé", "erreur"


class ImportFileError(Exception):
    """The file as a whole cannot be read: nothing is imported."""


@dataclass
class RowResult:
    line: int
    label: str = ""
    status: str = ERROR
    messages: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    target: object = None
    values: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)


@dataclass
class ImportReport:
    kind: str
    lines: list = field(default_factory=list)
    ignored_columns: list = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    imported: bool = False

    @property
    def rows(self):
        return len(self.lines)

    def count(self, status):
        return sum(1 for line in self.lines if line.status == status)

    @property
    def created(self):
        return self.count(CREATED)

    @property
    def updated(self):
        return self.count(UPDATED)

    @property
    def unchanged(self):
        return self.count(UNCHANGED)

    @property
    def to_write(self):
        return [line for line in self.lines if line.status in (CREATED, UPDATED)]

    @property
    def errors(self):
        return [(line.line, message) for line in self.lines if line.status == ERROR for message in line.messages]

    @property
    def invalid_lines(self):
        return [line.line for line in self.lines if line.status == ERROR]


# --- Reading the file ---------------------------------------------------------------------


def decode(raw, encoding=None):
    """(text, encoding name) of the bytes of a CSV file; ``encoding`` None tries UTF-8 (with
    or without BOM), then Windows-1252."""
    for signature, what in BINARY_SIGNATURES.items():
        if raw.startswith(signature):
            raise ImportFileError(
                f"Ce fichier est {what}, pas un fichier CSV. Dans votre tableur, choisissez « Enregistrer sous » "
                "puis le format « CSV UTF-8 (délimité par des virgules) » ou « CSV (séparateur : point-virgule) »."
            )
    if b"\x00" in raw[:8192]:
        raise ImportFileError("Ce fichier n'est pas un fichier texte CSV (il contient des données binaires).")
    candidates = [encoding] if encoding else ["utf-8", "cp1252"]
    text = None
    for candidate in candidates:
        codec = "utf-8-sig" if candidate.lower().replace("-", "").replace("_", "") == "utf8" else candidate
        try:
            text = raw.decode(codec)
            break
        except LookupError as error:
            raise ImportFileError(f"Encodage inconnu : « {candidate} ».") from error
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            failure = line
    if text is None:
        expected = f"en {encoding}" if encoding else "ni en UTF-8 ni en Windows-1252"
        raise ImportFileError(
            f"Le fichier n'est pas encodé {expected} (caractère illisible ligne {failure}). Dans votre tableur, "
            "enregistrez-le au format « CSV UTF-8 »."
        )
    if match := CONTROL_CHARACTERS.search(text):
        line = text[: match.start()].count("\n") + 1
        raise ImportFileError(f"Ce fichier n'est pas un fichier texte CSV (caractère de contrôle ligne {line}).")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ImportFileError("Le fichier est vide : il ne contient ni ligne d'en-tête ni données.")
    return text, candidate


def detect_delimiter(first_line):
    counts = {delimiter: first_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ";"


def normalise_header(name):
    return slugify(name.strip().lstrip("\ufeff")).replace("-", "_")


def clean_value(value):
    return NEUTRALISED_FORMULA.sub("", value.strip())


def read_rows(text):
    """(delimiter, header as written, [(line_number, [values])]) of a decoded CSV file."""
    first_line = text.splitlines()[0]
    delimiter = detect_delimiter(first_line)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
        rows = [(reader.line_num, values) for values in reader if any(value.strip() for value in values)]
    except csv.Error as error:
        raise ImportFileError(f"Le fichier n'est pas un CSV lisible (ligne {reader.line_num} : {error}).") from error
    return delimiter, header, rows


# --- Values -------------------------------------------------------------------------------


def parse_bool(value, label, errors):
    lowered = value.strip().lower()
    if lowered in YES:
        return True
    if lowered in NO:
        return False
    errors.append(f"{label} : « {value} » n'est pas « oui » ou « non »")
    return False


def parse_date(value, label, errors):
    if not value:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    errors.append(f"{label} : date invalide « {value} » (attendu : jj/mm/aaaa)")
    return None


def check_email(value, label, errors, required=False):
    if not value:
        if required:
            errors.append(f"{label} : obligatoire (les promeneurs sont reconnus par leur e-mail)")
        return ""
    try:
        validate_email(value)
    except ValidationError:
        errors.append(f"{label} : adresse e-mail invalide « {value} »")
    return value.lower()


def check_phone(value, label, errors):
    digits = re.sub(r"[\s.\-()]", "", value)
    # Excel reads 0612345603 as a number and drops its leading zero.
    if re.fullmatch(r"[1-9]\d{8}", digits):
        value = "0" + digits
    try:
        return normalise_phone(value)
    except ValidationError:
        errors.append(f"{label} : numéro de téléphone invalide « {value} »")
        return ""


def check_url(value, label, errors):
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            errors.append(f"{label} : adresse web invalide « {value} »")
    return value


def find_territories(value, territories, errors):
    found = []
    for name in filter(None, (part.strip() for part in LIST_SEPARATORS.split(value))):
        territory = territories.get(name.lower()) or territories.get(slugify(name))
        if territory is None:
            errors.append(f"territoires : territoire inconnu « {name} »")
        elif territory not in found:
            found.append(territory)
    return found


def find_choice(choices, value, label, errors):
    """The value of a TextChoices from its value or its label, in any case or accents."""
    wanted = slugify(value).replace("-", "_")
    for choice_value, choice_label in choices.choices:
        if wanted in (choice_value, slugify(choice_label).replace("-", "_")):
            return choice_value
    errors.append(f"{label} : « {value} » inconnu (valeurs possibles : {', '.join(choices.labels)})")
    return None


def territory_index():
    index = {}
    for territory in Territory.objects.all():
        index[territory.name.lower()] = territory
        index[territory.slug] = territory
    return index


# --- What a kind of record takes ----------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    name: str
    model: type
    key: str  # the column that identifies a record
    required: tuple
    columns: dict  # column -> (model attribute for the export's heading, label in messages)
    aliases: dict


STRUCTURE_KINDS_EXTRA = {"pij": Structure.Kind.YOUTH_INFO, "bij": Structure.Kind.YOUTH_INFO}

STRUCTURES = Kind(
    name="structures",
    model=Structure,
    key="nom",
    required=("nom",),
    columns={
        "nom": ("name", "nom"),
        "type": ("kind", "type"),
        "statut": ("status", "statut"),
        "adresse": ("address", "adresse"),
        "code_postal": ("postcode", "code postal"),
        "commune": ("commune", "commune"),
        "territoires": ("territory_name", "territoire"),
        "telephone": ("phone", "téléphone"),
        "site_web": ("website", "site web"),
        "referent_nom": ("referent_name", "référent : nom"),
        "referent_fonction": ("referent_role", "référent : fonction"),
        "referent_email": ("referent_email", "référent : e-mail"),
        "referent_telephone": ("referent_phone", "référent : téléphone"),
        "qpv": ("priority_neighbourhood", "QPV"),
        "donnees_ouvertes": ("open_data", "données ouvertes"),
    },
    aliases={
        "territoire": "territoires",
        "tel": "telephone",
        "cp": "code_postal",
        "site": "site_web",
        "referent_mail": "referent_email",
        "get_kind_display": "type",
        "get_status_display": "statut",
    },
)

NETWORK_COLUMNS = tuple(SocialProfile.Network.values)
# "Instagram", "instagram", "X (Twitter)": a network by its label, as the export writes it, or its code.
NETWORK_BY_NAME = {
    **{code: code for code in SocialProfile.Network.values},
    **{slugify(label): code for code, label in SocialProfile.Network.choices},
}

PROMENEURS = Kind(
    name="promeneurs",
    model=Promeneur,
    key="email",
    required=("prenom", "nom", "email"),
    columns={
        "prenom": ("first_name", "prénom"),
        "nom": ("last_name", "nom"),
        "email": ("email", "e-mail"),
        "structure": ("structure_name", "structure"),
        "telephone": ("phone", "téléphone"),
        "fonction": ("job_title", "fonction"),
        "territoires": ("territory_list", "territoires"),
        "horaires": ("hours_online", "horaires en ligne"),
        "actif": ("is_active", "actif"),
        "annuaire_public": ("public_listing", "annuaire public"),
        "photo_publique": ("photo_consent", "photo publique"),
        "charte_version": ("charter_version", "version de la charte"),
        "charte_signee_le": ("charter_signed_on", "charte signée le"),
        "date_entree": ("entry_date", "date d'entrée"),
        "date_sortie": ("exit_date", "date de sortie"),
        **{network: (None, label) for network, label in SocialProfile.Network.choices},
        "reseaux_sociaux": ("social_profile_list", "réseaux sociaux"),
    },
    aliases={
        "mail": "email",
        "e_mail": "email",
        "courriel": "email",
        "adresse_e_mail": "email",
        "tel": "telephone",
        "telephone_professionnel": "telephone",
        "structure_porteuse": "structure",
        "territoire": "territoires",
        "horaires_en_ligne": "horaires",
        "version_de_la_charte": "charte_version",
        "entree_dans_le_reseau": "date_entree",
        "sortie_du_reseau": "date_sortie",
    },
)

KINDS = {kind.name: kind for kind in (STRUCTURES, PROMENEURS)}

# The admin's exports of the directory (the snippets' list_export): the columns above, with
# headings that export_aliases() reads back, so that an export imports unchanged.
PROMENEUR_EXPORT = [
    "last_name",
    "first_name",
    "email",
    "structure_name",
    "job_title",
    "territory_list",
    "phone",
    "social_profile_list",
    "hours_online",
    "is_active",
    "public_listing",
    "photo_consent",
    "charter_version",
    "charter_signed_on",
    "entry_date",
    "exit_date",
]
PROMENEUR_EXPORT_HEADINGS = {
    "public_listing": "Annuaire public",
    "photo_consent": "Photo publique",
    "charter_version": "Version de la charte",
    "entry_date": "Entrée dans le réseau",
    "exit_date": "Sortie du réseau",
}

STRUCTURE_EXPORT = [
    "name",
    "get_kind_display",
    "get_status_display",
    "address",
    "postcode",
    "commune",
    "epci_name",
    "territory_name",
    "phone",
    "website",
    "referent_name",
    "referent_role",
    "referent_email",
    "referent_phone",
    "priority_neighbourhood",
    "open_data",
]
STRUCTURE_EXPORT_HEADINGS = {
    "get_kind_display": "Type",
    "get_status_display": "Statut",
    "priority_neighbourhood": "QPV",
    "open_data": "Données ouvertes",
}
EXPORTS = {
    "structures": (STRUCTURE_EXPORT, STRUCTURE_EXPORT_HEADINGS),
    "promeneurs": (PROMENEUR_EXPORT, PROMENEUR_EXPORT_HEADINGS),
}


def export_aliases(kind):
    """Headings of the admin's own export of ``kind`` (EXPORTS, the snippets' ``list_export``), so
    that whatever they are called there, the export imports back."""
    export, export_headings = EXPORTS[kind.name]
    by_attribute = {attribute: column for column, (attribute, _label) in kind.columns.items() if attribute}
    aliases = {}
    for exported in export:
        attribute = exported.removeprefix("get_").removesuffix("_display")
        column = by_attribute.get(exported) or by_attribute.get(attribute)
        if column is None:
            continue
        headings = [export_headings.get(exported)]
        for name in (exported, attribute):
            try:
                headings.append(str(label_for_field(name, kind.model)))
            except (AttributeError, FieldDoesNotExist):
                continue
        aliases.update({normalise_header(heading): column for heading in headings if heading})
    return aliases


def map_header(kind, header):
    """(column of each position or None, ignored headings as written)."""
    aliases = {**export_aliases(kind), **kind.aliases}
    columns, ignored = [], []
    for heading in header:
        key = normalise_header(heading)
        column = key if key in kind.columns else aliases.get(key)
        if column is None:
            columns.append(None)
            if heading.strip():
                ignored.append(heading.strip())
        else:
            columns.append(column)
    return columns, ignored


def check_columns(kind, columns):
    present = [column for column in columns if column]
    missing = [column for column in kind.required if column not in present]
    duplicated = sorted({column for column in present if present.count(column) > 1})
    if missing or duplicated:
        parts = []
        if missing:
            parts.append("colonnes obligatoires manquantes : " + ", ".join(missing))
        if duplicated:
            parts.append("colonnes en double : " + ", ".join(duplicated))
        optional = [column for column in kind.columns if column not in kind.required]
        raise ImportFileError(
            "Les colonnes du fichier ne sont pas celles attendues ("
            + " ; ".join(parts)
            + "). Colonnes attendues : "
            + ", ".join(kind.required)
            + " (obligatoires), "
            + ", ".join(optional)
            + ". Vérifiez aussi le séparateur (« ; » ou « , »)."
        )


# --- Structures ---------------------------------------------------------------------------


def structure_values(row, context, errors):
    """The model values of the columns present in ``row``."""
    values = {}
    for column, value in row.items():
        label = STRUCTURES.columns[column][1]
        if column == "nom":
            if not value:
                errors.append("nom : obligatoire")
            values["name"] = value
        elif column == "type":
            kind = STRUCTURE_KINDS_EXTRA.get(value.lower()) if value else Structure.Kind.ASSOCIATION
            values["kind"] = kind or find_choice(Structure.Kind, value, label, errors)
        elif column == "statut":
            values["status"] = find_choice(Structure.Status, value, label, errors) if value else Structure.Status.ACTIVE
        elif column == "territoires":
            territories = find_territories(value, context["territories"], errors)
            values["territory"] = territories[0] if territories else None
        elif column in ("telephone", "referent_telephone"):
            values[STRUCTURES.columns[column][0]] = check_phone(value, label, errors)
        elif column == "referent_email":
            values["referent_email"] = check_email(value, label, errors)
        elif column == "site_web":
            values["website"] = check_url(value, label, errors)
        elif column in ("qpv", "donnees_ouvertes"):
            values[STRUCTURES.columns[column][0]] = parse_bool(value, label, errors)
        else:
            values[STRUCTURES.columns[column][0]] = value
    return values


def evaluate_structure(result, row, context):
    values = structure_values(row, context, result.messages)
    result.label = values.get("name", "")
    result.values = values
    settle(result, context["existing"].get(result.label.lower()))


def structure_context(rows):
    return {
        "territories": territory_index(),
        "existing": {structure.name.lower(): structure for structure in Structure.objects.select_related("territory")},
    }


def save_structure(result, user):
    if result.status == CREATED:
        structure = Structure.objects.create(**result.values)
        log(structure, "wagtail.create", user=user)
    else:
        structure = result.target
        for name, value in result.values.items():
            setattr(structure, name, value)
        structure.save()
        log(structure, "wagtail.edit", user=user)


# --- Promeneurs ---------------------------------------------------------------------------


def parse_social_profiles(value, label, errors):
    """ "Instagram : zoe66 | TikTok : zoe" (the export's "Réseaux sociaux") as [(network, profile name)]."""
    profiles = []
    for part in filter(None, (part.strip() for part in value.split("|"))):
        name, separator, profile_name = part.partition(":")
        network = NETWORK_BY_NAME.get(slugify(name))
        if not separator or network is None or not profile_name.strip():
            errors.append(
                f"{label} : « {part} » n'est pas « Réseau : nom du profil » "
                f"(réseaux : {', '.join(SocialProfile.Network.labels)})"
            )
            continue
        profiles.append((network, profile_name.strip()))
    return profiles


def planned_profiles(current, listed, by_network):
    """The promeneur's profiles once the row is written, in order, as [(existing profile kept or
    None, network, profile name)]. The "réseaux sociaux" column (``listed``, None when the file
    has none) is the whole list, as the export writes it; a column per network (``by_network``)
    sets that network's first profile and leaves the others alone."""
    if listed is None:
        plan = [(profile, profile.network, profile.profile_name) for profile in current]
    else:
        unused, plan = list(current), []
        for network, name in listed:
            kept = next((p for p in unused if (p.network, p.profile_name) == (network, name)), None)
            if kept is not None:
                unused.remove(kept)
            plan.append((kept, network, name))
    for network, name in by_network.items():
        position = next((i for i, (_kept, planned, _name) in enumerate(plan) if planned == network), None)
        if position is None:
            plan.append((None, network, name))
        else:
            plan[position] = (plan[position][0], network, name)
    return plan


def promeneur_values(row, context, errors):
    """(model values, territories or None, profiles) of the columns present; profiles as
    planned_profiles takes them: {"listed": [(network, name)] or None, "by_network": {network: name}}."""
    values, territories, profiles = {}, None, {"listed": None, "by_network": {}}
    for column, value in row.items():
        attribute, label = PROMENEURS.columns[column]
        if column in ("prenom", "nom"):
            if not value:
                errors.append(f"{label} : obligatoire")
            values[attribute] = value
        elif column == "email":
            continue
        elif column == "structure":
            structure = None
            if value:
                structure = context["structures"].get(value.lower()) or context["structures"].get(slugify(value))
                if structure is None:
                    errors.append(
                        f"structure : structure inconnue « {value} » (importez d'abord les structures, "
                        "ou corrigez son nom)"
                    )
            values["structure"] = structure
        elif column == "telephone":
            values["phone"] = check_phone(value, label, errors)
        elif column == "territoires":
            territories = find_territories(value, context["territories"], errors)
        elif column == "actif":
            values["is_active"] = parse_bool(value, label, errors) if value else True
        elif column in ("annuaire_public", "photo_publique"):
            values[attribute] = parse_bool(value, label, errors)
        elif column in ("charte_signee_le", "date_entree", "date_sortie"):
            values[attribute] = parse_date(value, label, errors)
        elif column in NETWORK_COLUMNS:
            if value:
                profiles["by_network"][column] = value
        elif column == "reseaux_sociaux":
            profiles["listed"] = parse_social_profiles(value, label, errors)
        else:
            values[attribute] = value
    return values, territories, profiles


def evaluate_promeneur(result, row, context):
    email = check_email(row.get("email", ""), "e-mail", result.messages, required=True)
    values, territories, profiles = promeneur_values(row, context, result.messages)
    result.label = email or " ".join(filter(None, (row.get("prenom"), row.get("nom"))))
    result.values = values
    existing = context["existing"].get(email)
    current_profiles = list(existing.social_profiles.all()) if existing else []
    profiles = planned_profiles(current_profiles, **profiles)
    result.extra = {"email": email, "territories": territories, "profiles": profiles}
    if not email:
        return
    owner = context["account_owners"].get(email)
    if owner is not None and owner != existing:
        if existing is None:
            result.messages.append(
                f"cette adresse est celle du compte de connexion de {owner} (fiche n° {owner.pk}), "
                "dont la fiche porte une autre adresse : corrigez sa fiche ou cette ligne"
            )
        else:
            result.messages.append(
                f"cette adresse est celle de la fiche de {existing} mais aussi du compte de connexion "
                f"de {owner} (fiche n° {owner.pk}) : rien n'est écrit sur la fiche d'une autre personne"
            )
    other_changes = []
    if existing and territories is not None and set(territories) != set(existing.territories.all()):
        other_changes.append(Promeneur._meta.get_field("territories").verbose_name)
    planned = [(network, name) for _kept, network, name in profiles]
    if planned != [(profile.network, profile.profile_name) for profile in current_profiles]:
        other_changes.append(str(SocialProfile._meta.verbose_name_plural))
    settle(result, existing, other_changes)


def promeneur_context(rows):
    emails = {row.get("email", "").lower() for _line, row in rows if row and row.get("email")}
    existing = (
        Promeneur.objects.annotate(email_lower=Lower("email"))
        .filter(email_lower__in=emails, anonymised_at__isnull=True)
        .select_related("structure")
        .prefetch_related("territories", "social_profiles")
    )
    users = get_user_model().objects.annotate(email_lower=Lower("email")).filter(email_lower__in=emails)
    owners = Promeneur.objects.filter(user__in=users).select_related("user")
    structures = list(Structure.objects.all())
    return {
        "territories": territory_index(),
        "structures": {s.name.lower(): s for s in structures} | {s.slug: s for s in structures},
        "existing": {promeneur.email_lower: promeneur for promeneur in existing},
        "account_owners": {promeneur.user.email.lower(): promeneur for promeneur in owners},
    }


def save_promeneur(result, user):
    extra = result.extra
    if result.status == CREATED:
        promeneur = Promeneur(email=extra["email"], **result.values)
    else:
        promeneur = result.target
        for name, value in result.values.items():
            setattr(promeneur, name, value)
    if extra["territories"] is not None:
        promeneur.territories.set(extra["territories"])
    promeneur.save()
    save_profiles(promeneur, extra["profiles"])
    log(promeneur, "wagtail.create" if result.status == CREATED else "wagtail.edit", user=user)


def save_profiles(promeneur, plan):
    """Make the promeneur's profiles those of ``plan`` (planned_profiles): the profiles kept keep
    their link, the others are created or deleted."""
    kept = {profile.pk for profile, _network, _name in plan if profile is not None}
    SocialProfile.objects.filter(promeneur=promeneur).exclude(pk__in=kept).delete()
    for order, (profile, network, name) in enumerate(plan):
        if profile is None:
            SocialProfile.objects.create(promeneur=promeneur, network=network, profile_name=name, sort_order=order)
        elif (profile.profile_name, profile.sort_order) != (name, order):
            profile.profile_name, profile.sort_order = name, order
            profile.save(update_fields=["profile_name", "sort_order"])


def settle(result, existing, other_changes=()):
    """The status of an evaluated row without errors: created when no record matches it (``existing``
    None), else updated or unchanged by the fields of its values that differ and ``other_changes``
    (the names of what else it changes)."""
    if result.messages:
        return
    if existing is None:
        result.status = CREATED
        return
    result.target = existing
    result.changes = changed_fields(existing, result.values) + list(other_changes)
    result.status = UPDATED if result.changes else UNCHANGED


def changed_fields(instance, values):
    changes = []
    for name, value in values.items():
        current = getattr(instance, name)
        if current != value:
            changes.append(str(instance._meta.get_field(name).verbose_name))
    return changes


EVALUATE = {
    "structures": (structure_context, evaluate_structure),
    "promeneurs": (promeneur_context, evaluate_promeneur),
}
SAVE = {"structures": save_structure, "promeneurs": save_promeneur}
KEY_LABEL = {"structures": "nom", "promeneurs": "e-mail"}


# --- Running an import --------------------------------------------------------------------


def preview(kind_name, raw, *, encoding=None, progress=None, every=100):
    """The report of what importing ``raw`` (bytes of a CSV file) would do, line by line,
    without writing anything. Raises ImportFileError when the file as a whole is unusable."""
    kind = KINDS[kind_name]
    if len(raw) > MAX_FILE_SIZE:
        raise ImportFileError(file_too_large_message(len(raw)))
    text, used_encoding = decode(raw, encoding)
    delimiter, header, raw_rows = read_rows(text)
    columns, ignored = map_header(kind, header)
    check_columns(kind, columns)
    if not raw_rows:
        raise ImportFileError("Le fichier ne contient que la ligne d'en-tête : aucune ligne à importer.")
    rows = []
    for line, values in raw_rows:
        if len(values) > len(columns) and any(value.strip() for value in values[len(columns) :]):
            rows.append((line, None))
            continue
        cells = zip(columns, values, strict=False)
        rows.append((line, {column: clean_value(value) for column, value in cells if column}))
    report = ImportReport(kind=kind.name, ignored_columns=ignored, encoding=used_encoding, delimiter=delimiter)
    make_context, evaluate = EVALUATE[kind.name]
    context = make_context(rows)
    seen = {}
    for done, (line, row) in enumerate(rows, start=1):
        result = RowResult(line=line)
        report.lines.append(result)
        if row is None:
            result.messages.append("plus de valeurs que de colonnes (un séparateur en trop ?)")
            continue
        evaluate(result, row, context)
        key = (row.get(kind.key) or "").lower()
        if key in seen:
            result.status = ERROR
            result.messages.append(f"ligne en double : même {KEY_LABEL[kind.name]} que la ligne {seen[key]}")
        elif key:
            seen[key] = line
        if progress and done % every == 0:
            progress(done, len(rows), "validation")
    return report


def run_import(kind_name, raw, *, encoding=None, valid_only=False, dry_run=False, user=None, progress=None, every=100):
    """Preview then write ``raw``: the rows created or updated, all of them or none when a row
    is in error, unless ``valid_only``. ``progress(done, total, step)`` is called every
    ``every`` rows. Raises ImportFileError when the file as a whole is unusable."""
    report = preview(kind_name, raw, encoding=encoding, progress=progress, every=every)
    if (report.invalid_lines and not valid_only) or dry_run:
        return report
    save = SAVE[kind_name]
    to_write = report.to_write
    with transaction.atomic():
        for done, result in enumerate(to_write, start=1):
            save(result, user)
            if progress and done % every == 0:
                progress(done, len(to_write), "import")
    report.imported = True
    return report


def file_too_large_message(size):
    megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
    return (
        f"Le fichier pèse {megabytes} Mo : un import est limité à {MAX_FILE_SIZE // 1024 // 1024} Mo. "
        "Vérifiez qu'il s'agit bien du fichier CSV de l'annuaire, ou découpez-le en plusieurs fichiers."
    )
