"""Rows of the access matrix, one module per area of the site.

Each module here defines ``ROWS``: a list of (address, {role: expectation}), and
may define ``make_objects()`` returning {name: value} for the ``{name}``
placeholders in its addresses (objects are created in the test database first).
tests/test_access_matrix.py collects every module of this package.

Expectations:
  "200"          the page is served
  "login"        redirect to /connexion/?next=<address>
  "admin-login"  redirect to the Wagtail admin's login
  "403", "404"   refused / unknown
  "shows:TEXT"   served (200) and TEXT is in the body
  "hides:TEXT"   TEXT is not in the body (whatever the status)
"""

ROLES = ("anonymous", "promeneur", "coordination", "pilotage", "financeurs", "technique")
COMMITTEE_ROLES = ("pilotage", "financeurs", "technique")


def everyone(expected):
    return dict.fromkeys(ROLES, expected)


def members_only(ok="200"):
    """The members' space: promeneurs and coordination; committees are refused."""
    return {"anonymous": "login", "promeneur": ok, "coordination": ok, **dict.fromkeys(COMMITTEE_ROLES, "403")}


def coordination_only(ok="200", others="403"):
    return {**everyone(others), "anonymous": "login", "coordination": ok}


def committee_only(committee, ok="200"):
    expected = dict.fromkeys(ROLES, "403")
    expected.update(anonymous="login", coordination=ok, **{committee: ok})
    return expected


def logged_in(ok="200"):
    return {**everyone(ok), "anonymous": "login"}


def coordination_admin():
    return {**everyone("admin-login"), "coordination": "200"}


def shown_to(roles, text):
    return {role: (f"shows:{text}" if role in roles else f"hides:{text}") for role in ROLES}
