from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from workspace.media.permissions import IMAGE_VIEW_RULE
from workspace.search.types import SearchType

from .cockpit import ChangedProfilesBlock
from .home_blocks import IncompleteProfileBlock
from .models import Promeneur
from .privacy import photo_view_rule
from .search import find_promeneurs, find_structures
from .viewsets import imports, review
from .viewsets.communes import commune_chooser_viewset
from .viewsets.directory import DirectoryViewSetGroup

register_snippet(DirectoryViewSetGroup)
hooks.register(IMAGE_VIEW_RULE, photo_view_rule)


# First: a visitor's search is most often for a promeneur near them.
@hooks.register("register_search_type", order=-10)
def directory_search_types():
    return [
        SearchType("promeneurs", "Promeneurs de l'annuaire", find=find_promeneurs),
        SearchType("structures", "Structures", find=find_structures),
    ]


@hooks.register("register_admin_viewset")
def register_commune_chooser():
    return commune_chooser_viewset


@hooks.register("register_admin_urls")
def register_directory_admin_urls():
    return [path("", include(review.urlpatterns)), path("", include(imports.urlpatterns))]


hooks.register("register_cockpit_block", ChangedProfilesBlock)


@hooks.register("register_snippet_listing_buttons")
def anonymise_button(snippet, user, next_url=None):
    if isinstance(snippet, Promeneur) and not snippet.is_anonymised and user.has_perm("directory.change_promeneur"):
        yield Button(
            "Anonymiser (départ du réseau)",
            url=reverse("network_anonymise", args=[snippet.pk]),
            icon_name="user",
            priority=90,
        )


hooks.register("register_space_home_block", IncompleteProfileBlock)
