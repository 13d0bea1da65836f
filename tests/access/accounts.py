"""The admin's user accounts (security issue, item 3): Coordination manages promeneur and
committee accounts; a superuser's account does not exist for it (404)."""

from tests.access import Nobody, coordination_admin
from tests.factories import UserFactory

U = "/admin/users/"
# A superuser's account does not exist for Coordination.
NOT_FOR_COORDINATION = Nobody(coordination_admin("404"))

ROWS = [
    (U, coordination_admin()),
    (U + "results/", coordination_admin()),
    (U + "new/", coordination_admin()),
    (U + "edit/{promeneur_account}/", coordination_admin()),
    # Coordination deactivates accounts, it does not delete them (no delete_user permission).
    (U + "delete/{promeneur_account}/", Nobody(coordination_admin("302"))),
    (U + "copy/{promeneur_account}/", coordination_admin()),
    (U + "usage/{promeneur_account}/", coordination_admin()),
    (U + "history/{promeneur_account}/", coordination_admin()),
    (U + "history-results/{promeneur_account}/", coordination_admin()),
    (U + "edit/{superuser_account}/", NOT_FOR_COORDINATION),
    (U + "delete/{superuser_account}/", NOT_FOR_COORDINATION),
    (U + "copy/{superuser_account}/", NOT_FOR_COORDINATION),
]


def make_objects():
    superuser = UserFactory(username="racine", is_superuser=True, is_staff=True)
    return {
        "promeneur_account": UserFactory(username="compte-promeneur", role="promeneur").pk,
        "superuser_account": superuser.pk,
    }
