"""Addresses of the coordinator's cockpit: the missing grids and their reminder, a support
request marked handled, the page of a block that lists every item. Coordination only (promeneurs and
committee members are refused)."""

from network.activity.models import ActivityGrid, GridReminder
from network.activity.models.grids import previous_month
from tests.access import Nobody, Post, coordination_admin
from tests.factories import ActivityGridFactory

A = "/admin/activite/"
MONTH = f"{previous_month():%Y-%m}"


def reminders(objects):
    return GridReminder.objects.count()


def support_handled(objects):
    return ActivityGrid.objects.filter(pk=objects["support_grid"]).values_list("support_handled_at", flat=True).get()


ROWS = [
    # The blocks whose items no other screen lists: every item, on the cockpit's page of the block.
    ("/admin/cockpit/promeneurs-without-convention/", coordination_admin()),
    ("/admin/cockpit/bilans/", coordination_admin()),
    ("/admin/cockpit/bilans/?p=2", coordination_admin()),
    # A block with a screen of its own (or no block of that name) has no such page.
    ("/admin/cockpit/accueil/", Nobody(coordination_admin("404"))),
    ("/admin/cockpit/inconnu/", Nobody(coordination_admin("404"))),
    (A + "grilles-manquantes/", coordination_admin()),
    (A + f"grilles-manquantes/?mois={MONTH}&page=2", coordination_admin()),
    # A GET shows the confirmation screen; the POST sends and records.
    (A + f"relances/?mois={MONTH}", coordination_admin("shows:Relancer")),
    (
        A + "relances/",
        coordination_admin(),
        Post(coordination_admin("302"), reminders, {"mois": MONTH}, ("coordination",)),
    ),
    (
        A + "appui/{support_grid}/traite/",
        coordination_admin("405"),
        Post(coordination_admin("302"), support_handled, {}, ("coordination",)),
    ),
]


def make_objects():
    return {"support_grid": ActivityGridFactory(support_needed="Besoin d'un échange avec la coordination").pk}
