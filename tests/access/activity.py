"""Addresses of the activity grids: the promeneur's pages, the committees' figures, the admin."""

from network.activity.models.grids import current_month
from network.directory.models import Promeneur
from tests.access import ROLES, coordination_admin, members_only
from tests.factories import ActivityGridFactory, NetworkActivityFactory, PromeneurFactory

OTHER_DIFFICULTY = "Difficulté confidentielle de Bérénice"


def committees_and_coordination():
    return {**dict.fromkeys(ROLES, "200"), "anonymous": "login", "promeneur": "403"}


ROWS = [
    ("/espace/mon-activite/", members_only()),
    ("/espace/mon-activite/nouvelle/", members_only()),
    (f"/espace/mon-activite/bilan/{current_month().year}/", members_only()),
    ("/espace/mon-activite/grilles/{own_grid}/", members_only()),
    # Another promeneur's grid: not even its existence for a promeneur, readable by the coordination.
    (
        "/espace/mon-activite/grilles/{other_grid}/",
        {**members_only(), "promeneur": "404", "coordination": f"shows:{OTHER_DIFFICULTY}"},
    ),
    ("/espace/mon-activite/grilles/{other_grid}/modifier/", {**members_only("404")}),
    ("/espace/mon-activite/grilles/{own_grid}/modifier/", {**members_only("404"), "promeneur": "200"}),
    (
        "/espace/mon-activite/grilles/{own_grid}/rouvrir/",
        {**members_only("403"), "coordination": "shows:pas verrouillée"},
    ),
    # Committees: aggregated figures only, never a name nor a grid's text.
    ("/comites/chiffres-cles/", committees_and_coordination()),
    ("/comites/chiffres-cles/", dict.fromkeys(ROLES, f"hides:{OTHER_DIFFICULTY}")),
    ("/comites/chiffres-cles/", dict.fromkeys(ROLES, "hides:Bérénice")),
    # Admin: coordination only.
    ("/admin/activite/", coordination_admin()),
    ("/admin/activite/rapport/", coordination_admin()),
    ("/admin/activite/grilles/", coordination_admin()),
    ("/admin/activite/grilles/?export=csv", coordination_admin()),
    ("/admin/activite/grilles/?export=xlsx", coordination_admin()),
    ("/admin/activite/grilles/inspect/{other_grid}/", coordination_admin()),
    ("/admin/activite/grilles/edit/{other_grid}/", coordination_admin()),
    ("/admin/activite/journal/", coordination_admin()),
    ("/admin/activite/journal/new/", coordination_admin()),
    ("/admin/activite/journal/?export=csv", coordination_admin()),
    ("/admin/activite/journal/?export=xlsx", coordination_admin()),
]


def make_objects():
    own = ActivityGridFactory(promeneur=Promeneur.objects.get(user__username="promeneur"), status="brouillon")
    other = ActivityGridFactory(
        promeneur=PromeneurFactory(first_name="Bérénice", last_name="Autre", user__first_name="Bérénice"),
        difficulties=OTHER_DIFFICULTY,
    )
    NetworkActivityFactory(grid=other)
    return {"own_grid": own.pk, "other_grid": other.pk}
