"""Addresses of the activity grids: the promeneur's pages, the committees' figures, the admin."""

from network.activity.models import ActivityGrid
from network.activity.models.grids import current_month
from network.directory.models import Promeneur
from tests.access import (
    ROLES,
    Post,
    coordination_admin,
    coordination_only,
    coordination_post,
    hidden,
    in_space,
    members_only,
    nobody,
)
from tests.factories import ActivityGridFactory, JournalEntryFactory, NetworkActivityFactory, PromeneurFactory
from tests.test_activity_grids import grid_data

OTHER_DIFFICULTY = "Difficulté confidentielle de Bérénice"
G = "/espace/mon-activite/grilles/"
A = "/admin/activite/"


def committees_and_coordination():
    return {**dict.fromkeys(ROLES, "200"), "anonymous": "login", "promeneur": "403"}


def grid_state(name):
    def snapshot(objects):
        grids = ActivityGrid.objects.filter(pk=objects[name])
        return grids.values_list("status", "hours_per_week", "difficulties", "reopened_at").get()

    return snapshot


ROWS = [
    ("/espace/mon-activite/", members_only()),
    ("/espace/mon-activite/nouvelle/", members_only()),
    (f"/espace/mon-activite/bilan/{current_month().year}/", members_only()),
    (G + "{own_grid}/", members_only()),
    # Another promeneur's grid: not even its existence for a promeneur, readable by the coordination.
    (G + "{other_grid}/", {**members_only(), "promeneur": "404", "coordination": f"shows:{OTHER_DIFFICULTY}"}),
    # Nobody edits another promeneur's grid from the space, even by posting (the coordination
    # reopens it, the promeneur corrects it).
    (
        G + "{other_grid}/modifier/",
        nobody("404"),
        Post(nobody("404"), grid_state("other_grid"), grid_data(hours="30", action="submit", difficulties="Pirate")),
    ),
    (
        G + "{own_grid}/modifier/",
        {**members_only(), "coordination": "404"},
        Post({**in_space("302"), "coordination": "404"}, grid_state("own_grid"), grid_data(hours="7"), ("promeneur",)),
    ),
    # Reopening a grid is the coordination's: a promeneur posting gets a 403 and the grid stays locked.
    (G + "{own_grid}/rouvrir/", coordination_only(ok="shows:pas verrouillée")),
    (
        G + "{other_grid}/rouvrir/",
        coordination_only(),
        Post(coordination_post(), grid_state("other_grid"), {}, ("coordination",)),
    ),
    # Committees: aggregated figures only, never a name nor a grid's text.
    ("/comites/chiffres-cles/", committees_and_coordination()),
    ("/comites/chiffres-cles/", hidden(OTHER_DIFFICULTY, within=committees_and_coordination())),
    ("/comites/chiffres-cles/", hidden("Bérénice", within=committees_and_coordination())),
    # Admin: coordination only.
    (A, coordination_admin()),
    (A + "rapport/", coordination_admin()),
    (A + "grilles/", coordination_admin()),
    (A + "grilles/results/", coordination_admin()),
    (A + "grilles/?export=csv", coordination_admin()),
    (A + "grilles/?export=xlsx", coordination_admin()),
    # Grids are written on the site: the admin never creates one, not even for the coordination.
    (A + "grilles/new/", nobody("admin-login", "admin-login", "admin-login", coordination="302")),
    (A + "grilles/inspect/{other_grid}/", coordination_admin()),
    (
        A + "grilles/edit/{other_grid}/",
        coordination_admin(),
        Post(coordination_admin("302"), grid_state("other_grid"), {"status": "rouverte"}, ("coordination",)),
    ),
    (A + "grilles/delete/{other_grid}/", coordination_admin()),
    (A + "grilles/history/{other_grid}/", coordination_admin()),
    (A + "grilles/history-results/{other_grid}/", coordination_admin()),
    (A + "grilles/usage/{other_grid}/", coordination_admin()),
    (A + "journal/", coordination_admin()),
    (A + "journal/results/", coordination_admin()),
    (A + "journal/new/", coordination_admin()),
    (A + "journal/?export=csv", coordination_admin()),
    (A + "journal/?export=xlsx", coordination_admin()),
    (A + "journal/edit/{journal_entry}/", coordination_admin()),
    (A + "journal/delete/{journal_entry}/", coordination_admin()),
    (A + "journal/history/{journal_entry}/", coordination_admin()),
    (A + "journal/history-results/{journal_entry}/", coordination_admin()),
    (A + "journal/usage/{journal_entry}/", coordination_admin()),
    (A + "journal/copy/{journal_entry}/", coordination_admin()),
]


def make_objects():
    own = ActivityGridFactory(promeneur=Promeneur.objects.get(user__username="promeneur"), status="brouillon")
    other = ActivityGridFactory(
        promeneur=PromeneurFactory(first_name="Bérénice", last_name="Autre", user__first_name="Bérénice"),
        difficulties=OTHER_DIFFICULTY,
    )
    NetworkActivityFactory(grid=other)
    return {"own_grid": own.pk, "other_grid": other.pk, "journal_entry": JournalEntryFactory().pk}
