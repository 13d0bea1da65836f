"""The directory's block on the members' home (workspace/pages/member_home.py): my profile, when
something is missing from it. ``own_record`` is read once per request, for the blocks of other
areas too: each block about the member's own record is an ``OwnRecordBlock`` (the activity grid due)."""

from django.db.models import Count

from network.directory.models import MyProfilePage, Promeneur
from workspace.pages import member_home, navigation

# What a colleague or a young person looks for on a profile, in the order it is asked for.
PROFILE_PIECES = (
    ("photo_id", "une photo"),
    ("job_title", "votre fonction"),
    ("phone", "un téléphone professionnel"),
    ("presentation", "une présentation"),
    ("hours_online", "vos heures de présence en ligne"),
    ("social_profile_count", "vos profils sur les réseaux sociaux"),
)


def own_record(request):
    """The logged-in member's directory record (None for a member without one, e.g. the coordination),
    with what the home needs to know about its completeness; one query per request."""
    if not hasattr(request, "_own_promeneur"):
        request._own_promeneur = (
            Promeneur.objects.filter(user=request.user, anonymised_at__isnull=True)
            .annotate(social_profile_count=Count("social_profiles"))
            .first()
            if request.user.is_authenticated
            else None
        )
    return request._own_promeneur


def missing_pieces(promeneur):
    return [label for attribute, label in PROFILE_PIECES if not getattr(promeneur, attribute)]


class OwnRecordBlock(member_home.HomeBlock):
    """A block about the member's own directory record: empty for a member without one."""

    def get_items(self, request, since):
        promeneur = own_record(request)
        return self.items_for(request, promeneur) if promeneur else []

    def items_for(self, request, promeneur):
        raise NotImplementedError


class IncompleteProfileBlock(OwnRecordBlock):
    name = "mon-profil"
    title = "Mon profil"
    order = 40

    def items_for(self, request, promeneur):
        missing = missing_pieces(promeneur)
        if not missing:
            return []
        return [
            member_home.HomeItem(
                "Compléter mon profil",
                navigation.url_of_first(MyProfilePage, request),
                detail="Il manque " + ", ".join(missing) + ".",
            )
        ]
