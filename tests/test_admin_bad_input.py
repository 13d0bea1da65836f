"""Bad input in the coordination's back office: never a 500, a French message, nothing half-written.

Every page of our admin (snippets, viewsets, wagtail-modeladmin screens, our own views) is found from
the URL conf (tests/matrix_coverage.py) and opened once, as a Coordination user, at the address its row
of the access matrix gives (tests/access/). Each form a page shows, POST or GET, is read from the HTML:
its fields, the values the page fills in, and the kind of each field (from the Django form behind it).
A new admin screen is thus fuzzed as soon as it has its row in the matrix.

For each form, the untouched values are posted first: they must be accepted (an add form borrows the
values of its model's edit form, a unique value gets a suffix), so that the hostile values below reach
the save and not only the first "required" error. Then each hostile value of a fixed table goes into
every field of its kind, the other fields keeping their values, and the answer must be:

- never a server error (5xx or an exception);
- a refusal (the form shown again, or the site's 400 page for a control character, which the
  malformed-input middleware refuses before any view, the admin's included) says what is wrong in
  French, shows the other fields as they were typed, and changes no row of our tables;
- when some hostile fields are refused, the others are posted again alone: a field that a sibling's
  error hid (a DataError on save never reached) is still tried.
"""

import functools
import html
import json
import re
import traceback
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest
from django import forms
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.forms.formsets import BaseFormSet
from django.test import Client
from django.urls import Resolver404, get_resolver, resolve
from django.utils.html import strip_tags
from wagtail.admin.rich_text import get_rich_text_editor_widget

import tests.access
from tests import matrix_coverage
from tests.access import is_served

pytestmark = pytest.mark.django_db

AREAS = tests.access.areas()
ROWS = [(address, expectations) for area in AREAS for address, expectations, *_post in area.ROWS]
# The admin's home page is Wagtail's, its blocks are ours (the cockpit): its forms are fuzzed too.
HOME = "admin/"
ROUTES = [HOME, *sorted(route for route in matrix_coverage.our_url_patterns() if route.startswith("admin/"))]

# Our admin's own views with a form, each as (method, route the form is sent to): the snippets'
# and viewsets' add, copy and edit forms, wagtail-modeladmin's create and edit forms and their
# listings' filters are found without being named. A new view with a form fails
# test_every_custom_form_is_known until it is named here, so that someone looks at what it does
# with bad input; it is fuzzed like the others either way.
CUSTOM_FORMS = {
    ("get", "admin/activite/"): "le tableau de bord : période, territoire, structure",
    ("get", "admin/activite/rapport/"): "le bilan annuel : l'année",
    ("get", "admin/activite/grilles-manquantes/"): "les grilles manquantes : le mois",
    ("post", "admin/activite/relances/"): "la relance des grilles manquantes d'un mois (accueil, liste, confirmation)",
    ("post", "admin/activite/appui/<int:pk>/traite/"): "une demande d'appui traitée (accueil)",
    ("get", "admin/accompagnement/bilans/export/"): "l'export des bilans d'une période",
    ("post", "admin/accompagnement/accueil/<int:pk>/"): "les étapes d'accueil cochées d'un promeneur",
    ("post", "admin/agenda/<int:pk>/inscriptions/"): "les présences aux événements",
    ("post", "admin/annuaire/import/"): "l'envoi d'un fichier à importer dans l'annuaire",
    ("post", "admin/annuaire/import/<uuid:pk>/confirmer/"): "la confirmation d'un import (aucun champ)",
    ("post", "admin/annuaire/promeneurs/<int:pk>/anonymiser/"): "l'anonymisation d'un promeneur (aucun champ)",
    ("post", "admin/coordination/application/<int:pk>/accepter/"): "l'acceptation d'une candidature (aucun champ)",
    ("post", "admin/coordination/application/<int:pk>/renvoyer-invitation/"): "une invitation renvoyée (aucun champ)",
}

# Forms whose untouched values cannot be accepted, and why (anything else must be).
UNTOUCHED_REFUSED = {
    "admin/annuaire/import/": "un fichier CSV est à choisir",
    "admin/images/chooser/create/": "une image est à choisir",
    **{
        route: "le sélecteur d'une fiche ne crée rien (403)"
        for route in ROUTES
        if route.startswith("admin/snippets/choose/") and route.endswith("/create/")
    },
}


@pytest.fixture(scope="module")
def admin_data(django_db_setup, django_db_blocker):
    """The access matrix's users and objects, made once; each test runs in a savepoint."""
    with django_db_blocker.unblock(), tests.access.matrix_objects(AREAS) as data:
        yield data


@pytest.fixture
def users(admin_data, db):
    return admin_data[0]


class Survey:
    """Every page of our admin opened once: the routes opened, those whose page shows a POST form,
    and {route of a page: the forms found on it} (a form shown on several pages, the reminder's, is
    listed once, on the first)."""

    def __init__(self):
        self.opened, self.with_post_form, self.targets = set(), set(), {}

    def all(self):
        return [target for targets in self.targets.values() for target in targets]


@pytest.fixture(scope="module")
def survey(admin_data, django_db_blocker):
    users, objects = admin_data
    client = Client()
    client.force_login(users["coordination"])
    found, seen = Survey(), set()
    with django_db_blocker.unblock():
        for route in ROUTES:
            found.targets[route] = []
            for address in addresses_of(route, objects)[:1]:
                found.opened.add(route)
                for target in targets_of(client, address):
                    if target.method == "post":
                        found.with_post_form.add(route)
                    if target.key not in seen:
                        seen.add(target.key)
                        found.targets[route].append(target)
    return found


def route_of(path):
    try:
        return resolve(path).route
    except Resolver404:
        return None


def addresses_of(route, objects):
    """The matrix's addresses of ``route`` that the coordination opens."""
    found = []
    for address, expectations in ROWS:
        address = address.format(**objects)
        path = urlsplit(address).path
        page_route = HOME if path == "/admin/" else route_of(path)
        if page_route == route and is_served(expectations["coordination"]):
            found.append(address)
    return found


# Reading the forms of a page ---------------------------------------------------------------------


class FormReader(HTMLParser):
    """The forms of a page: method, action, and for each field its name, HTML type, the value a
    browser sends untouched and a select's options. A field of a <template> (Wagtail's empty inline
    form) is left out, and so is Wagtail's editing-sessions form, which its script posts elsewhere."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._form = None
        self._select = None
        self._textarea = None
        self._template = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "template":
            self._template += 1
        elif tag == "form":
            self._form = None
            if "w-editing-sessions" not in (attrs.get("class") or ""):
                self._form = {
                    "method": (attrs.get("method") or "get").lower(),
                    "action": attrs.get("action") or "",
                    "fields": {},
                    "values": {},
                    "options": {},
                }
                self.forms.append(self._form)
        elif self._form is not None and not self._template:
            self._field(self._form, tag, attrs)

    def _field(self, form, tag, attrs):
        name = attrs.get("name")
        if tag == "option" and self._select:
            value = attrs.get("value", "")
            form["options"][self._select].append(value)
            if isinstance(form["values"].get(self._select), list):
                if "selected" in attrs:
                    form["values"][self._select].append(value)
            elif "selected" in attrs or self._select not in form["values"]:
                form["values"][self._select] = value
        if not name or "__prefix__" in name:
            return
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset"):
                return
            form["fields"].setdefault(name, kind)
            if kind in ("radio", "checkbox"):
                form["options"].setdefault(name, []).append(attrs.get("value", "on"))
            if kind == "checkbox" and "checked" in attrs:
                form["values"].setdefault(name, []).append(attrs.get("value", "on"))
            elif kind not in ("checkbox", "radio", "file") or "checked" in attrs:
                form["values"][name] = attrs.get("value", "on" if kind == "radio" else "")
        elif tag == "textarea":
            form["fields"][name] = "textarea"
            form["values"][name] = ""
            self._textarea = name
        elif tag == "select":
            form["fields"][name] = "select"
            form["options"][name] = []
            if "multiple" in attrs:
                form["values"][name] = []
            self._select = name

    def handle_data(self, data):
        if self._textarea and self._form is not None:
            self._form["values"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "template":
            self._template -= 1
        elif tag == "textarea" and self._textarea and self._form is not None:
            # A browser drops the newline that follows <textarea>.
            self._form["values"][self._textarea] = self._form["values"][self._textarea].removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._form = None


def read_forms(page):
    reader = FormReader()
    reader.feed(page)
    reader.close()
    return reader.forms


def page_of(response):
    """The HTML of an answer: the page, or the HTML a chooser's JSON answer carries."""
    content_type = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode(errors="replace")
    if "json" in content_type:
        return "".join(value for value in _strings(json.loads(text)) if "<" in value)
    return text if "html" in content_type else ""


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def context_forms(response):
    """The Django forms and formsets behind a rendered answer, nested ones included."""
    found = []

    def add(item):
        if isinstance(item, forms.BaseForm | BaseFormSet) and all(item is not known for known in found):
            found.append(item)
            if isinstance(item, BaseFormSet):
                add(item.management_form)
                for form in item.forms:
                    add(form)
            for formset in getattr(item, "formsets", {}).values():
                add(formset)

    for context in response.context or []:
        for layer in getattr(context, "dicts", [context]):
            if isinstance(layer, dict):
                for value in layer.values():
                    add(value)
    return found


def django_fields(response):
    """{HTML name: Django field} of the forms behind an answer."""
    fields = {}
    for form in context_forms(response):
        if isinstance(form, forms.BaseForm):
            for name, field in form.fields.items():
                fields.setdefault(form.add_prefix(name), field)
    return fields


NUMBER_FIELDS = (forms.IntegerField, forms.DecimalField, forms.FloatField, forms.DurationField)
DATE_FIELDS = (forms.DateField, forms.DateTimeField, forms.TimeField, forms.SplitDateTimeField)
CHOICE_FIELDS = (forms.ChoiceField, forms.ModelChoiceField, forms.ModelMultipleChoiceField)


def kind_of(name, html_type, field, options=()):
    """The kind of a field for the hostile values: "text", "number", "date", "choice" (a select, a
    chooser's key, an inline row's key, boxes ticking keys), "bool", "file", or "count" (an inline
    formset's number of rows)."""
    if field is None and html_type in ("checkbox", "radio"):
        return "choice" if any(option.isdecimal() for option in options) else "bool"
    if isinstance(field, forms.BooleanField):
        return "bool"
    if isinstance(field, forms.FileField) or html_type == "file":
        return "file"
    if name.endswith("-TOTAL_FORMS"):
        return "count"
    if isinstance(field, NUMBER_FIELDS) or html_type == "number" or name.endswith(("_FORMS", "-ORDER")):
        return "number"
    if isinstance(field, DATE_FIELDS) or html_type in ("date", "datetime-local", "time", "month"):
        return "date"
    if isinstance(field, CHOICE_FIELDS) or html_type == "select" or name.endswith("-id"):
        return "choice"
    return "text"


class Target:
    """A form to fuzz: where it is sent, its fields and the values they hold untouched."""

    def __init__(self, page, form, fields):
        self.page = page
        self.method = form["method"]
        action = urlsplit(form["action"] or page)
        self.path = action.path
        self.query = f"?{action.query}" if action.query else ""
        self.route = HOME if self.path == "/admin/" else route_of(self.path)
        self.html_types = {name: kind for name, kind in form["fields"].items() if name != "csrfmiddlewaretoken"}
        self.fields = {name: fields.get(name) for name in self.html_types}
        self.options = form["options"]
        self.kinds = {
            name: kind_of(name, kind, self.fields[name], self.options.get(name, ()))
            for name, kind in self.html_types.items()
        }
        self.values = {name: value for name, value in form["values"].items() if name in self.html_types}
        self.key = (self.method, self.path, frozenset(self.kinds))

    def __repr__(self):
        return f"{self.method.upper()} {self.path} (formulaire de {self.page})"

    def send(self, client, data):
        if self.method == "post":
            return client.post(self.path + self.query, data)
        return client.get(f"{self.path}?{urlencode(data, doseq=True)}")


def targets_of(client, address):
    """The forms of the page at ``address`` that are sent to our admin."""
    response = client.get(address)
    page = page_of(response) if response.status_code == 200 else ""
    fields = django_fields(response) if page else {}
    targets = []
    for form in read_forms(page):
        target = Target(address, form, fields)
        if target.route in ROUTES and (target.kinds or target.method == "post"):
            targets.append(target)
    return targets


# Hostile values ------------------------------------------------------------------------------

LONG = "Texte très long… " * 600  # 10 200 characters
ATTACKS = [
    ("vide", {"text": "", "number": "", "date": "", "choice": "", "bool": "", "count": ""}),
    (
        "10 000 caractères",
        {
            "text": LONG,
            "number": "9" * 10_000,
            "date": "2" * 10_000,
            "choice": "1" * 10_000,
            "bool": LONG,
            "count": "9" * 10_000,
        },
    ),
    (
        "unicode",
        {
            "text": "Émoji 😀🎉 עברית \u202eǝʇxǝʇ\u202c \ufeff\u200b ligne\r\nsuivante\t",
            "choice": "😀",
            "date": "٢٠٢٥-٠٢-٠١",
        },
    ),
    (
        "formule",
        {"text": "=1+1", "number": "=1+1", "date": "=AUJOURDHUI()", "choice": "=1+1", "bool": "=1+1", "count": "=1+1"},
    ),
    ("négatif", {"number": "-1", "choice": "-1", "date": "-2025-01-01", "count": "-1"}),
    # Not in an inline formset's count of rows: the formset would build its 2 000 rows at most
    # before refusing them, a slow answer but a right one.
    ("énorme", {"number": str(2**63), "choice": str(2**63), "text": str(2**63), "date": "99999-12-31", "bool": "2"}),
    ("trop petit", {"number": str(-(2**63) - 1), "choice": str(-(2**63) - 1), "count": str(-(2**63) - 1)}),
    ("date impossible", {"date": "2025-02-30", "number": "1e309", "choice": "999999"}),
    ("date à la française", {"date": "31/13/2025", "number": "NaN", "choice": "abc", "count": "NaN"}),
    ("caractère de contrôle", {"text": "a\x00b\x01c", "choice": "1\x00", "bool": "\x00"}),
]
HOSTILE_FILE = ("=1+1;" + "é" * 10_000 + "\n" + "a;b\x00c;\xff\n").encode("utf-8", "replace")
# The site's 400 page (workspace/templates/400.html): a control character, a query value too long.
SITE_400 = "<h1>Demande non valide</h1>"

# What only an English or a raw message says (French messages share none of these).
ENGLISH_OR_RAW = (
    " the ",
    " this ",
    " field ",
    " value ",
    "enter a",
    "ensure ",
    "select a valid",
    "is required",
    " is not ",
    " must ",
    "invalid",
    "already exists",
    "could not",
    "please",
    "error",
    "exception",
    "traceback",
    "out of range",
    "violates",
    "duplicate key",
    " none ",
)


def english_or_raw(message):
    text = f" {html.unescape(strip_tags(message)).lower()} "
    return [words.strip() for words in ENGLISH_OR_RAW if words in text]


def error_texts(response):
    """The errors an answer tells: its forms' and formsets' errors, its error and warning messages."""
    texts = []
    for form in context_forms(response):
        if not form.is_bound:
            continue
        if isinstance(form, BaseFormSet):
            texts.extend(str(error) for error in form.non_form_errors())
        else:
            texts.extend(str(error) for errors in form.errors.values() for error in errors)
    storage = getattr(response.wsgi_request, "_messages", None)
    for message in [*getattr(storage, "_loaded_messages", []), *getattr(storage, "_queued_messages", [])]:
        if "error" in message.tags or "warning" in message.tags:
            texts.append(str(message.message))
    return texts


def refused_names(response):
    names = set()
    for form in context_forms(response):
        if isinstance(form, forms.BaseForm) and form.is_bound:
            names.update(form.add_prefix(name) for name in form.errors if name != "__all__")
    return names


def accepted(response):
    """A form accepted: sent on (redirect), or a chooser's JSON saying what was chosen."""
    if response.status_code == 302:
        return True
    return response.status_code == 200 and "json" in response.get("Content-Type", "") and not error_texts(response)


# Rows of our tables, to see that a refusal writes nothing ------------------------------------------


def our_tables():
    return sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if matrix_coverage.is_ours(model.__module__) and model._meta.managed and not model._meta.proxy
        }
    )


def snapshot():
    """A fingerprint of every row of our tables (PostgreSQL), or their sizes (SQLite)."""
    quote = connection.ops.quote_name
    tables = our_tables()
    if connection.vendor == "postgresql":
        parts = [
            f"(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {quote(t)} t)" for t in tables
        ]
    else:
        parts = [f"(SELECT count(*) FROM {quote(table)})" for table in tables]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return dict(zip(tables, cursor.fetchone(), strict=True))


# Posting ---------------------------------------------------------------------------------------


def raised(error):
    """The exception, and where: the last frame of our code and the last of all."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if "/.venv/" not in frame.filename and "/tests/" not in frame.filename]
    where = " ← ".join(
        f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} {frame.name}" for frame in ours[-1:] + frames[-1:]
    )
    return f"{type(error).__name__}: {str(error)[:200]} ({where})"


def post_once(client, target, data):
    """(answer, exception, rows after): ``data`` sent in a savepoint rolled back after, so that each
    try starts from the same rows; what the rows were before the rollback is kept for a POST."""
    with transaction.atomic():
        try:
            response = target.send(client, data)
            return response, None, snapshot() if target.method == "post" else None
        except Exception as error:  # the test client raises the view's exception: a server error
            return None, error, None
        finally:
            transaction.set_rollback(True)


def with_files(target, data):
    return {
        **data,
        **{
            name: SimpleUploadedFile("=1+1 😀.csv", HOSTILE_FILE)
            for name, kind in target.kinds.items()
            if kind == "file"
        },
    }


def shown_values(target, response):
    """The values the answer shows in the form sent again, {} if it does not show it."""
    candidates = [form for form in read_forms(page_of(response)) if set(form["fields"]) & set(target.kinds)]
    if not candidates:
        return {}
    return max(candidates, key=lambda form: len(set(form["fields"]) & set(target.kinds)))["values"]


def check_answer(target, what, data, hostile, rows, response, problems):
    """The problems of one answer, and the hostile fields it refused. ``rows``: (before, after) the
    POST, of our tables."""
    status = response.status_code
    if status >= 500:
        problems.append(f"{what}: {status}")
        return set()
    errors = error_texts(response)
    problems.extend(f"{what}: message pas en français : {error!r}" for error in errors if english_or_raw(error))
    if accepted(response) or status not in (200, 400):
        return set()
    # Refused.
    if target.method == "get":
        return refused_names(response)
    if status == 400 and not errors and SITE_400 not in page_of(response):
        problems.append(f"{what}: 400 sans message")
    if status == 200 and not errors:
        problems.append(f"{what}: refusé (200) sans dire pourquoi")
    before, after = rows
    changed = [table for table in before if before[table] != after[table]]
    if changed:
        problems.append(f"{what}: refusé ({status}) mais a écrit dans {changed}")
    shown = shown_values(target, response)
    for name, value in data.items():
        if name in hostile or name not in shown or target.html_types[name] in ("password", "file", "checkbox", "radio"):
            continue
        if value not in ("", None) and shown[name] != value:
            problems.append(f"{what}: {name} montré {shown[name][:80]!r} au lieu de {value[:80]!r}")
    return refused_names(response)


def fuzz(client, target, values, problems):
    # Each try is rolled back: the rows before it are the same for every try.
    before = snapshot() if target.method == "post" else None
    for label, values_by_kind in ATTACKS:
        only = None
        for _round in range(3):
            hostile = {
                name
                for name, kind in target.kinds.items()
                if (kind in values_by_kind or kind == "file") and (only is None or name in only)
            }
            if target.method == "get":
                hostile -= {name for name, kind in target.kinds.items() if kind == "file"}
            if not hostile:
                break
            data = {**values, **{name: values_by_kind.get(target.kinds[name]) for name in hostile}}
            data = with_files(target, {name: value for name, value in data.items() if value is not None})
            what = f"{target} [{label}] {sorted(hostile)}"
            response, error, after = post_once(client, target, data)
            if error is not None:
                problems.append(f"{what}: {raised(error)}")
                break
            refused = check_answer(target, what, data, hostile, (before, after), response, problems)
            # The hostile fields that passed are sent again without the refused ones.
            if not refused & hostile or not hostile - refused:
                break
            only = hostile - refused


# Untouched values that the form accepts ------------------------------------------------------------

PASSWORD = "Un-mot-de-passe-solide-66"


def edit_form_values(target, survey):
    """The values of the edit form of the model that ``target`` adds, if it is an add form."""
    base = re.sub(r"(add|create|new)/$", "", target.path)
    if base == target.path:
        return {}
    for other in survey.all():
        if other.method == "post" and other.path.startswith(base + "edit/"):
            return other.values
    return {}


def filled(target, name, value):
    """A value ``name`` may take in place of ``value``, which the form refused."""
    html_type, field = target.html_types[name], target.fields[name]
    if isinstance(value, list):
        return value
    if value:  # a unique value: another one
        if "@" in value:
            return "autre." + value
        return value + ("-bis" if re.fullmatch(r"[\w.-]+", value) else " (bis)")
    if html_type == "password":
        return PASSWORD
    if html_type in ("select", "radio"):
        return next((option for option in target.options.get(name, []) if option), "")
    if isinstance(field, forms.DateTimeField):
        return f"{date.today():%Y-%m-%d} 10:00"
    if isinstance(field, forms.DateField):
        return f"{date.today():%Y-%m-%d}"
    if isinstance(field, forms.EmailField) or html_type == "email":
        return "admin.fuzz@example.org"
    return "1" if target.kinds[name] == "number" else "Valeur de test"


def untouched_values(client, target, survey):
    """(values, why refused, server error): the form's values, completed until the form accepts them."""
    # The edit form's values, but not its counts of inline rows: its rows are not in the add form.
    borrowed = {k: v for k, v in edit_form_values(target, survey).items() if not k.endswith("_FORMS")}
    values = {**target.values, **{k: v for k, v in borrowed.items() if k in target.kinds}}
    why = ""
    for _try in range(3 if target.method == "post" else 0):
        response, error, _rows = post_once(client, target, values)
        if error is not None:
            return values, "", raised(error)
        if accepted(response):
            return values, "", ""
        refused = refused_names(response) & set(target.kinds)
        why = f"{response.status_code} {sorted(refused)} {error_texts(response)[:3]}"
        if not refused and error_texts(response):
            # An error of the whole form, as a unique e-mail address without regard to case.
            refused = {name for name, value in values.items() if "@" in str(value) and "autre." not in str(value)}
        if not refused:
            break
        values.update({name: filled(target, name, values.get(name, "")) for name in refused})
        if {"password1", "password2"} <= set(values) and "password1" in refused:
            values["password2"] = values["password1"]
    return values, why, ""


# The tests -------------------------------------------------------------------------------------


def test_the_hostile_values_reach_every_kind_of_field():
    kinds = {kind for _label, values in ATTACKS for kind in values}
    assert kinds >= {"text", "number", "date", "choice", "bool", "count"}


@functools.cache
def route_patterns():
    """{route: (namespace, URL pattern)} of the URL conf."""
    found = {}
    for route, namespace, _urlconf, pattern in matrix_coverage.walk(get_resolver().url_patterns):
        found.setdefault(route, (namespace, pattern))
    return found


# The views of a viewset (snippets, model viewsets, choosers) as Wagtail names them.
VIEWSET_VIEWS = {
    "add",
    "edit",
    "copy",
    "delete",
    "index",
    "index_results",
    "list",
    "list_results",
    "history",
    "history_results",
    "usage",
    "inspect",
    "choose",
    "choose_results",
    "chosen",
    "chosen_multiple",
    "create",
    "select_format",
}


def is_custom(route):
    """A route of our own views: not a viewset's view, nor a modeladmin's, nor a view of Wagtail's."""
    if route == HOME:
        return False
    namespace, pattern = route_patterns()[route]
    if namespace in matrix_coverage.our_viewset_namespaces() and pattern.name in VIEWSET_VIEWS:
        return False
    return not matrix_coverage.modeladmin_module(pattern) and matrix_coverage.is_ours(
        matrix_coverage.view_module(pattern)
    )


def is_record_form(route):
    """The add, copy and edit pages of a viewset, snippet or modeladmin."""
    name = route_patterns()[route][1].name or ""
    return not is_custom(route) and name.endswith(("add", "copy", "edit", "create"))


def test_every_record_form_is_found(survey):
    """Each add, copy and edit page that the coordination opens shows the form it is for."""
    record_pages = {route for route in survey.opened if route != HOME and is_record_form(route)}
    assert record_pages - survey.with_post_form == set()
    assert len(record_pages) >= 40, sorted(record_pages)


def test_every_custom_form_is_known(survey):
    found = {(target.method, target.route) for target in survey.all() if is_custom(target.route)}
    assert found == set(CUSTOM_FORMS), {"à nommer": found - set(CUSTOM_FORMS), "disparus": set(CUSTOM_FORMS) - found}


@pytest.mark.parametrize("route", ROUTES)
def test_bad_input_in_every_admin_form(client_as, survey, route):
    client = client_as("coordination")
    problems = []
    for target in survey.targets[route]:
        values, refusal, error = untouched_values(client, target, survey)
        if error:
            problems.append(f"{target} [valeurs non modifiées]: {error}")
        elif refusal and target.route not in UNTOUCHED_REFUSED:
            problems.append(f"{target}: les valeurs non modifiées sont refusées : {refusal}")
        fuzz(client, target, values, problems)
    assert not problems, "\n".join(problems)


def test_a_rich_text_that_is_not_the_editors_json_is_read_as_plain_text():
    widget = get_rich_text_editor_widget()
    read = widget.value_from_datadict
    typed = "Bonjour <b>toi</b>\n\nligne 2"
    assert read({"texte": typed}, {}, "texte") == "<p>Bonjour &lt;b&gt;toi&lt;/b&gt;</p><p>ligne 2</p>"
    assert read({"texte": str(2**63)}, {}, "texte") == "<p>9223372036854775808</p>"
    assert read({"texte": "null"}, {}, "texte") == ""
    assert read({}, {}, "texte") is None
