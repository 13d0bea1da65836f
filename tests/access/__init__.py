"""Rows of the access matrix, one module per area of the site.

Each module here defines ``ROWS``: a list of (address, {role: expectation}) for a GET, or
(address, {role: expectation}, Post(...)) when posting to the address is checked too; it
may define ``make_objects()`` returning {name: value} for the ``{name}`` placeholders in its
addresses (objects are created in the test database first).
tests/test_access_matrix.py collects every module of this package, and fails when an address
of the site (URL pattern, route of a routable page, page type) has no row.

Expectations:
  "200"          the page is served
  "login"        redirect to /connexion/?next=<address>
  "admin-login"  redirect to the Wagtail admin's login
  "403", "404"   refused / unknown
  "302", "405"…  that status, exactly
  "shows:TEXT"   served (200) and TEXT is in the body
  "hides:TEXT"   served (200) and TEXT is not in the body

A row that refuses the page to some roles must show it to those who may see it (a 200 on GET,
or a POST that does what it should for them): otherwise a page answering 404 to everybody
would pass for a private one. An address that no role may reach (an unknown id, another
member's object) says so with ``nobody()``.
"""

import importlib
import pkgutil
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction

ROLES = ("anonymous", "promeneur", "coordination", "pilotage", "financeurs", "technique")
COMMITTEE_ROLES = ("pilotage", "financeurs", "technique")
REFUSALS = ("login", "admin-login", "403", "404")


def is_served(expected):
    return expected == "200" or expected.startswith(("shows:", "hides:"))


def is_refused(expected):
    return expected in REFUSALS


def served(ok):
    """``ok``, checked to be an answer that serves the page: the helpers below give it to the
    roles that may see the page."""
    if not is_served(ok):
        raise ValueError(f"{ok!r} does not serve the page: use nobody() for an address no role reaches")
    return ok


class Nobody(dict):
    """Expectations of an address that no role may reach."""


def nobody(members="404", committees="403", anonymous="login", **roles):
    """An address no role reaches: members get ``members``, committees ``committees``, and any
    role named in ``roles`` its own answer."""
    expected = {"anonymous": anonymous, "promeneur": members, "coordination": members}
    expected.update(dict.fromkeys(COMMITTEE_ROLES, committees), **roles)
    if any(is_served(answer) for answer in expected.values()):
        raise ValueError(f"nobody() serves no role: {expected}")
    return Nobody(expected)


@dataclass(frozen=True)
class Post:
    """What posting ``data`` to the row's address does, role by role.

    ``expected``: {role: expectation}, as for a GET; ``data``: the form ("{name}" placeholders
    are filled as in addresses); ``snapshot(objects)``: what the POST may change, compared before
    and after each role's POST; it must change for the roles of ``changes_for`` (proof that the
    data is right and that the snapshot sees a change) and stay the same for every other role.
    """

    expected: dict
    snapshot: Callable
    data: dict = field(default_factory=dict)
    changes_for: tuple = ()

    def __post_init__(self):
        if set(self.expected) != set(ROLES):
            raise ValueError(f"a POST expectation per role: {self.expected}")
        refused = [role for role in self.changes_for if is_refused(self.expected[role])]
        if refused:
            raise ValueError(f"a refused POST changes nothing: {refused}")

    def form(self, objects):
        def fill(value):
            if isinstance(value, str):
                return value.format(**objects)
            if isinstance(value, (list, tuple)):
                return [fill(item) for item in value]
            return value

        return {name: fill(value) for name, value in self.data.items()}


def everyone(expected):
    return dict.fromkeys(ROLES, expected)


def members_only(ok="200"):
    """The members' space: promeneurs and coordination; committees are refused."""
    return in_space(served(ok))


def in_space(members, committees="403"):
    """Any answer of the members' space (a POST, a GET on a POST-only action): anonymous visitors
    are sent to log in, committees refused, members get ``members``."""
    return {
        "anonymous": "login",
        "promeneur": members,
        "coordination": members,
        **dict.fromkeys(COMMITTEE_ROLES, committees),
    }


def coordination_only(ok="200", others="403"):
    return {**everyone(others), "anonymous": "login", "coordination": served(ok)}


def committee_only(committee, ok="200"):
    expected = dict.fromkeys(ROLES, "403")
    expected.update(anonymous="login", coordination=served(ok), **{committee: ok})
    return expected


def logged_in(ok="200"):
    return {**everyone(served(ok)), "anonymous": "login"}


def coordination_post(ok="302"):
    """A POST that only the coordination may send, outside the admin."""
    return {**everyone("403"), "anonymous": "login", "coordination": ok}


def coordination_admin(ok="200"):
    return {**everyone("admin-login"), "coordination": ok}


def shown_to(roles, text, within=None):
    """``text`` shown to ``roles`` only, on a page served as ``within`` says (by default to
    everyone): the other roles who get the page must get it without the text, the rest keep
    their refusal."""
    within = within or everyone("200")
    expected = {}
    for role in ROLES:
        if role in roles:
            expected[role] = f"shows:{text}"
        elif is_served(within[role]):
            expected[role] = f"hides:{text}"
        else:
            expected[role] = within[role]
    if not set(roles) <= {role for role in ROLES if is_served(within[role])}:
        raise ValueError(f"{sorted(roles)} cannot be shown a page they may not open: {within}")
    return expected


def hidden(text, within=None):
    """``text`` shown to no role, on a page served as ``within`` says (by default to everyone)."""
    return shown_to((), text, within)


def snippet_rows(model, pk, **coordination):
    """Rows for every admin view of the snippet ``model`` ("app/model"): listing, forms, history,
    usage, copy and its chooser, for the object ``pk``. Coordination only: it gets a 200 unless
    ``coordination`` gives another answer by view name (or the whole expectation, e.g. nobody())."""
    base = f"/admin/snippets/{model}/"
    chooser = f"/admin/snippets/choose/{model}/"
    views = {
        "list": base,
        "list_results": base + "results/",
        "add": base + "add/",
        "edit": f"{base}edit/{pk}/",
        "delete": f"{base}delete/{pk}/",
        "usage": f"{base}usage/{pk}/",
        "history": f"{base}history/{pk}/",
        "history_results": f"{base}history-results/{pk}/",
        "copy": f"{base}copy/{pk}/",
        "choose": chooser,
        "choose_results": chooser + "results/",
        "chosen": f"{chooser}chosen/{pk}/",
        "chosen_multiple": f"{chooser}chosen-multiple/?id={pk}",
        "create": chooser + "create/",
    }
    answers = {view: coordination.get(view, "200") for view in views}
    return [
        (address, answers[view] if isinstance(answers[view], dict) else coordination_admin(answers[view]))
        for view, address in views.items()
    ]


def areas():
    """The modules of this package, one area of the site each."""
    return [importlib.import_module(f"{__name__}.{module.name}") for module in pkgutil.iter_modules(__path__)]


@contextmanager
def matrix_objects(areas):
    """The roles' users and every area's objects, in a transaction rolled back at the end: a
    module of tests makes them once, each test runs in a savepoint of it."""
    from tests.factories import role_users

    with transaction.atomic():
        users = role_users()
        objects = {}
        for area in areas:
            if hasattr(area, "make_objects"):
                objects.update(area.make_objects())
        yield users, objects
        transaction.set_rollback(True)
