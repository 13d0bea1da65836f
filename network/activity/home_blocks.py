"""The activity's block on the members' home (workspace/pages/member_home.py): my grid due for
last month, with a direct link, or "reçue, merci"."""

from network.activity.models import ActivityGrid, ActivityPage
from network.activity.models.grids import expected_month, of_month
from network.directory.home_blocks import OwnRecordBlock
from workspace.display import french_date
from workspace.pages import member_home, navigation


class GridDueBlock(OwnRecordBlock):
    name = "grille"
    title = "Ma grille d'activité"
    order = 10

    def items_for(self, request, promeneur):
        month = expected_month(promeneur)
        if month is None:
            return []
        grid = (
            ActivityGrid.objects.filter(promeneur=promeneur, month=month).only("pk", "status", "submitted_at").first()
        )
        page_url = navigation.url_of_first(ActivityPage, request)
        if not page_url:
            return []
        routes = ActivityPage.get_resolver()
        if grid is None:
            return [
                member_home.HomeItem(
                    f"Remplir ma grille {of_month(month)}",
                    page_url + routes.reverse("new"),
                    detail="Attendue par la coordination ; cinq minutes suffisent.",
                    badge="À faire",
                )
            ]
        if grid.is_locked:
            return [
                member_home.HomeItem(
                    f"Grille {of_month(month)} reçue, merci !",
                    page_url + routes.reverse("grid", grid.pk),
                    detail=(f"Transmise le {french_date(grid.submitted_at, 'j F Y')}." if grid.submitted_at else ""),
                )
            ]
        reopened = grid.status == ActivityGrid.Status.REOPENED
        return [
            member_home.HomeItem(
                f"Terminer ma grille {of_month(month)}",
                page_url + routes.reverse("edit", grid.pk),
                detail=(
                    "Rouverte par la coordination : à transmettre de nouveau."
                    if reopened
                    else "Brouillon enregistré : il reste à la transmettre."
                ),
                badge="À faire",
            )
        ]
