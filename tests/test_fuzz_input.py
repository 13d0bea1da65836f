"""Fuzzing every listing's query parameters, every path parameter and every public and
member form with hypothesis: NUL and control characters, very long strings, unicode,
negative and huge numbers, impossible dates. The site may refuse (400, 404, a form
error), never fail (500).

The targets are listed from the URL confs (workspace/urls.py, network/urls.py,
resources/urls.py, workspace/accounts/urls.py) and the routable pages' routes; the
posted field names are read from each form as the page shows it, so a new field is
fuzzed without touching this file. Each target gets a few examples: the whole file
stays around a minute."""

import functools
import os
import re
from html.parser import HTMLParser
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from network.activity.models.grids import add_months, previous_month
from tests.factories import (
    PASSWORD,
    ActivityGridFactory,
    DiscussionFactory,
    EventFactory,
    MessageFactory,
    TerritoryFactory,
    UserFactory,
    publication_page,
)

pytestmark = pytest.mark.django_db

# A few examples per target keep the file around a minute; FUZZ_EXAMPLES=200 digs deeper.
EXAMPLES = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 5)),
    deadline=None,
    database=None,  # no .hypothesis/ folder in the work tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x01\x1b[31m",
    "ligne\r\nsuivante\tet tabulation",
    "x" * 2001,
    "é" * 5000,
    "-1",
    "0",
    "1.5",
    "1e309",
    "NaN",
    "99999999999999999999",
    "-99999999999999999999",
    "9" * 5000,
    "0000-00-00",
    "2024-02-30",
    "2024-13-01",
    "99999-01-01",
    "0001-01-01",
    "9999-12-31",
    "2024-1",
    "'\" OR 1=1 --",
    '"',
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00",
    "😀" * 50,
    "\u202eǝʇxǝʇ",
    "\ufeff\u200b",
]

nasty_text = st.one_of(
    st.sampled_from(NASTY),
    # Control characters are refused before any view (tests/test_malformed_input.py): most
    # examples leave them out, so that they reach the views.
    st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.dates().map(lambda day: day.isoformat()),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


def assert_no_server_error(response, what):
    assert response.status_code < 500, f"{response.status_code} for {what!r}"


# Listings and their query parameters -------------------------------------------------------------

PUBLIC_LISTINGS = [
    ("/", ["page"]),
    ("/recherche/", ["q", "type", "page"]),
    ("/publications/", ["etiquette", "categorie", "page"]),
    ("/publications/rss/", ["etiquette"]),
    ("/annuaire/", ["q", "territoire", "reseau", "theme", "page"]),
    ("/annuaire/relais/", ["territoire", "domaine"]),
    ("/agenda/", ["type", "page"]),
    ("/agenda.ics", ["type"]),
    ("/faq/", ["page", "q"]),
    ("/connexion/", ["next"]),
]
MEMBER_LISTINGS = [
    ("/recherche/", ["q", "type", "page"]),
    ("/espace/", ["page"]),
    ("/espace/ressources/", ["etiquette", "categorie", "page"]),
    ("/espace/veille/", ["etiquette", "categorie", "page"]),
    ("/espace/actualites/", ["etiquette", "categorie", "page"]),
    ("/espace/formations/", ["page"]),
    ("/espace/echanges/", ["categorie", "nature", "mot-cle", "etat", "page"]),
    ("/espace/faq/", ["categorie", "page", "q"]),
    ("/espace/annuaire/", ["q", "territoire", "reseau", "theme", "page"]),
    ("/espace/relais/", ["territoire", "domaine"]),
    ("/espace/agenda/", ["type", "page"]),
    ("/espace/mon-activite/", ["annee"]),
    ("/espace/mes-flux/", ["section"]),
]
COMMITTEE_LISTINGS = [("/comites/chiffres-cles/", ["annee"])]
ADMIN_LISTINGS = [
    ("/admin/activite/", ["start", "end", "territory", "structure"]),
    ("/admin/activite/rapport/", ["annee"]),
    ("/admin/activite/grilles/", ["month_from", "month_to", "status", "territory", "structure", "support", "export"]),
    ("/admin/activite/grilles-manquantes/", ["mois", "page"]),
    ("/admin/activite/relances/", ["mois", "next"]),
    ("/admin/activite/journal/", ["date_from", "date_to", "kind", "structures", "territory", "q", "export"]),
    (
        "/admin/snippets/directory/promeneur/",
        ["territoire", "structure", "reseau", "is_active", "public_listing", "a_relire", "q", "p", "ordering"],
    ),
    ("/admin/snippets/directory/structure/", ["kind", "territory", "status", "priority_neighbourhood", "q", "p"]),
    ("/admin/snippets/directory/relay/", ["domain", "territory", "is_national_emergency", "is_public", "q", "p"]),
    ("/admin/snippets/events/event/", ["kind", "audience", "is_cancelled", "q", "p", "ordering"]),
    ("/admin/snippets/exchanges/discussion/", ["category", "kind", "closed", "hidden", "q", "p"]),
    ("/admin/snippets/exchanges/faqentry/", ["category", "visibility", "q"]),
    ("/admin/snippets/exchanges/report/", ["handled", "p"]),
    ("/admin/annuaire/profils-modifies/", ["page"]),
    ("/admin/pages/search/", ["q", "p"]),
]
LISTINGS = [
    *[("anonymous", url, params) for url, params in PUBLIC_LISTINGS],
    *[("promeneur", url, params) for url, params in MEMBER_LISTINGS],
    *[("pilotage", url, params) for url, params in COMMITTEE_LISTINGS],
    *[("coordination", url, params) for url, params in ADMIN_LISTINGS],
]


@pytest.fixture
def content(users):
    """Something behind each filter and route: a tagged publication, a territory, an event,
    a discussion with the promeneur's reply, a draft grid of the promeneur."""
    TerritoryFactory(name="Vallée de la Têt", slug="tet")
    publication_page("Publication étiquetée", tags=["prévention"])
    discussion = DiscussionFactory(author=UserFactory(username="auteur", role="promeneur"))
    return {
        "event": EventFactory(capacity=2),
        "discussion": discussion,
        "reply": MessageFactory(discussion=discussion, author=users["promeneur"]),
        # Two months ago: the new grid form offers last month.
        "grid": ActivityGridFactory(
            promeneur=users["promeneur"].promeneur, month=add_months(previous_month(), -1), status="brouillon"
        ),
    }


def fuzz_listing(client, url, params):
    @EXAMPLES
    @given(st.fixed_dictionaries({}, optional=dict.fromkeys([*params, "inconnu"], nasty_text)))
    @example(dict.fromkeys(params, "a\x00b"))
    def fuzz(query):
        address = f"{url}?{urlencode(query)}"
        assert_no_server_error(client.get(address), address)

    fuzz()


def test_query_parameters_of_every_listing(client_as, content):
    for role, url, params in LISTINGS:
        client = client_as(role)
        assert client.get(url).status_code == 200, f"{url} itself must answer"
        fuzz_listing(client, url, params)


# Path parameters ---------------------------------------------------------------------------------

PATHS = [
    ("anonymous", "/calendrier/{}.ics"),
    ("anonymous", "/flux/{}/"),
    ("anonymous", "/flux/{}/{}/"),
    ("anonymous", "/desabonnement/{}/"),
    ("anonymous", "/annuaire/{}/"),
    ("anonymous", "/annuaire/structure/{}/"),
    ("anonymous", "/publications/{}/"),
    ("anonymous", "/evenements/{}/"),
    ("anonymous", "/mot-de-passe/nouveau/{}/{}/"),
    ("promeneur", "/evenements/{}/evenement.ics"),
    ("promeneur", "/espace/echanges/{}/"),
    ("promeneur", "/espace/echanges/message/{}/historique/"),
    ("promeneur", "/espace/mon-activite/grilles/{}/"),
    ("promeneur", "/espace/mon-activite/bilan/{}/"),
    ("coordination", "/admin/agenda/{}/inscriptions/"),
    ("coordination", "/admin/snippets/directory/promeneur/edit/{}/"),
]
path_value = st.one_of(nasty_text, st.integers(min_value=-(10**25), max_value=10**25).map(str)).filter(
    lambda value: value not in ("", ".", "..")
)


def fuzz_path(client, pattern):
    @EXAMPLES
    @given(st.tuples(path_value, path_value))
    @example(("a\x00b", "a\x00b"))
    def fuzz(values):
        address = pattern.format(*(quote(value, safe="") for value in values))
        assert_no_server_error(client.get(address), address)

    fuzz()


def test_path_parameters(client_as, content):
    for role, pattern in PATHS:
        fuzz_path(client_as(role), pattern)


# Forms -------------------------------------------------------------------------------------------


class FormReader(HTMLParser):
    """The fields of the POST forms of a page: their names, and the values a visitor would
    send without touching them (an unchecked box is fuzzed but not sent by default)."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.forms.append({"action": attrs.get("action") or "", "names": set(), "values": {}})
            return
        if not self.forms:
            return
        form = self.forms[-1]
        name = attrs.get("name")
        if tag in ("input", "textarea", "select") and name and attrs.get("type") != "file":
            form["names"].add(name)
            kind = attrs.get("type")
            self._select = name if tag == "select" else None
            if tag == "select":
                pass  # its value comes from its options
            elif kind == "radio":
                if "checked" in attrs or name not in form["values"]:
                    form["values"][name] = attrs.get("value", "")
            elif kind != "checkbox" or "checked" in attrs:
                form["values"][name] = attrs.get("value", "")
        elif tag == "option" and self._select and ("selected" in attrs or self._select not in form["values"]):
            # As a browser sends it: the selected option, or else the first one.
            form["values"][self._select] = attrs.get("value", "")


# Values that make the forms valid, so that the fuzzed field is not the only one checked.
VALID_VALUES = {
    "title": "Une question de pratique",
    "body": "Un message de test.",
    "reason": "Ce message me semble déplacé.",
    "category": "posture",
    "username": "promeneur",
    "password": PASSWORD,
    "email": "promeneur@example.org",
    "old_password": PASSWORD,
    "new_password1": "Un-nouveau-mot-de-passe-66",
    "new_password2": "Un-nouveau-mot-de-passe-66",
    # The public forms (/contact/, /devenir-promeneur/)
    "name": "Inès Roca",
    "subject": "Une question",
    "message": "Un message de test.",
    "structure_name": "MJC de test",
    "address": "1 rue du Test",
    "town": "Perpignan",
    "contact_first_name": "Inès",
    "contact_last_name": "Roca",
    "contact_role": "Animatrice",
    "contact_email": "ines.roca@example.org",
    "contact_phone": "04 68 00 00 00",
    "professionals_count": "1",
    "motivation": "Être présents en ligne.",
}


def post_form(client, page_url, action_pattern):
    """(action, names, values) of the POST form of ``page_url`` whose action matches ``action_pattern``."""
    response = client.get(page_url)
    assert response.status_code == 200, page_url
    reader = FormReader()
    reader.feed(response.content.decode())
    for form in reader.forms:
        if re.search(action_pattern, form["action"]):
            values = {**form["values"]}
            values.update({name: value for name, value in VALID_VALUES.items() if values.get(name) == ""})
            return form["action"] or page_url, sorted(form["names"]), values
    raise AssertionError(f"no POST form matching {action_pattern!r} on {page_url}")


# (role, page showing the form, the form's action)
FORMS = [
    ("anonymous", "/connexion/", r"^/connexion/$"),
    ("anonymous", "/mot-de-passe/oublie/", r"^$"),
    ("anonymous", "/contact/", r"^$"),
    ("anonymous", "/devenir-promeneur/", r"^$"),
    ("promeneur", "/espace/mon-profil/", r"^$"),
    ("promeneur", "/espace/echanges/nouvelle/", r"nouvelle/$"),
    ("promeneur", "/espace/echanges/{discussion}/", r"repondre/#titre-repondre$"),
    ("promeneur", "/espace/echanges/message/{reply}/modifier/", r"^$"),
    ("promeneur", "/espace/echanges/message/{opening}/signaler/", r"^$"),
    ("promeneur", "/espace/echanges/preferences/", r"^$"),
    ("promeneur", "/espace/mon-activite/nouvelle/", r"^$"),
    ("promeneur", "/espace/mon-activite/grilles/{grid}/modifier/", r"^$"),
    ("promeneur", "/evenements/{event}/", r"inscription/$"),
    ("promeneur", "/espace/agenda/mes-inscriptions/", r"^$"),
    ("promeneur", "/mot-de-passe/changer/", r"^$"),
]


def fuzz_form(login, target, names, values):
    @EXAMPLES
    @given(st.fixed_dictionaries({}, optional=dict.fromkeys(names, nasty_text)))
    @example(dict.fromkeys(names, "a\x00b"))
    def fuzz(changes):
        # Valid values everywhere but in the fuzzed fields, so that the view goes past the
        # first error; a new login each time, as a changed password or an axes lockout
        # would end the session.
        data = {**values, **changes}
        assert_no_server_error(login().post(target, data), (target, changes))

    fuzz()


def test_every_field_of_every_form(client_as, content):
    ids = {
        "discussion": content["discussion"].pk,
        "reply": content["reply"].pk,
        "opening": content["discussion"].messages.get(is_opening=True).pk,
        "grid": content["grid"].pk,
        "event": content["event"].pk,
    }
    for role, page, action in FORMS:
        target, names, values = post_form(client_as(role), page.format(**ids), action)
        assert names, f"the form of {page} shows its fields"
        fuzz_form(functools.partial(client_as, role), target, names, values)
