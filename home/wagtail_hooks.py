from wagtail import hooks

from workspace.search.types import SearchType

from .models import StandardPage


@hooks.register("register_search_type")
def standard_pages_search_type():
    return [SearchType("pages", "Pages du site", (StandardPage,))]
