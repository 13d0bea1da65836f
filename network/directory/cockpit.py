"""The directory's block of the coordinator's cockpit (registered in wagtail_hooks.py)."""

from django.urls import reverse, reverse_lazy

from network.directory.models import Promeneur
from workspace.cockpit.blocks import CockpitAction, CockpitBlock, CockpitItem
from workspace.display import french_date, of


class ChangedProfilesBlock(CockpitBlock):
    """Profiles a promeneur edited on /espace/mon-profil/ since the coordination last checked them."""

    name = "changed-profiles"
    watched = ("directory.Promeneur",)
    title = "Profils modifiés depuis la dernière vérification"
    order = 40
    empty_text = "Aucun profil modifié depuis votre dernière vérification."
    permission = "directory.change_promeneur"
    more_url = reverse_lazy("network_changed_profiles")

    def get_queryset(self, request):
        return Promeneur.objects.changed_since_review().select_related("structure").order_by("profile_changed_at", "pk")

    def item(self, promeneur):
        changed = french_date(promeneur.profile_changed_at, "j F Y")
        return CockpitItem(
            label=promeneur.full_name,
            url=reverse("wagtailsnippets_directory_promeneur:edit", args=[promeneur.pk]),
            detail=f"modifié le {changed}",
            actions=[
                CockpitAction(
                    "Vu",
                    reverse("network_mark_reviewed"),
                    post=True,
                    fields={"promeneur": promeneur.pk, "next": "/admin/"},
                    description=f"Vu : profil {of(promeneur.full_name)}",
                )
            ],
        )
