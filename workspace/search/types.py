"""The kinds of content the search can be narrowed to (``?type=``).

The search knows no feature: each app registers its kinds with the
``register_search_type`` hook, returning ``SearchType`` objects."""

from dataclasses import dataclass

from wagtail import hooks


@dataclass(frozen=True)
class SearchType:
    slug: str
    label: str
    models: tuple
    members_only: bool = False


def search_types():
    """{slug: SearchType}, in the order the apps registered them."""
    return {kind.slug: kind for hook in hooks.get_hooks("register_search_type") for kind in hook()}


def choices_for(user_is_member):
    """Types offered in the form: the members' sections only to members."""
    return [(kind.slug, kind.label) for kind in search_types().values() if user_is_member or not kind.members_only]
