"""The kinds of content the search can be narrowed to (``?type=``)."""

from home.models import StandardPage
from resources.models import NewsPage, PublicationPage, ResourcePage, WatchPage

# slug: (label, page models)
TYPES = {
    "ressources": ("Ressources", (ResourcePage,)),
    "veille": ("Veille", (WatchPage,)),
    "actualites": ("Actualités du réseau", (NewsPage,)),
    "publications": ("Publications", (PublicationPage,)),
    "pages": ("Pages du site", (StandardPage,)),
}
MEMBER_TYPES = ("ressources", "veille", "actualites")


def choices_for(user_is_member):
    """Types offered in the form: the members' sections only to members."""
    return [(slug, label) for slug, (label, _) in TYPES.items() if user_is_member or slug not in MEMBER_TYPES]
