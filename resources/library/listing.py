"""Listing helpers shared by the section indexes: their filtered, paginated listing and
the visible child pages of one type."""

from taggit.models import Tag

from resources.library.filters import SectionFilterSet
from workspace.accounts.access import exclude_hidden_subtrees
from workspace.pages.models import IndexPage


def visible_of_type(model, parent, user):
    """Live pages of ``model`` under ``parent`` that ``user`` may see."""
    return exclude_hidden_subtrees(model.objects.live().descendant_of(parent), user)


def tags_used(through_model, pages):
    """Tags attached to ``pages`` (one query)."""
    return (
        Tag.objects.filter(**{f"{through_model.tag_relname()}__content_object__in": pages}).distinct().order_by("name")
    )


class FilteredIndexMixin:
    """An index page listing its child pages of ``child_model``, filtered by tag
    (and by category when the child model has one), paginated."""

    child_model = None
    categories = None
    per_page = 12

    def listed_pages(self, user):
        return visible_of_type(self.child_model, self, user).prefetch_related("tags").order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        # IndexPage's own listing (all children, unfiltered) is replaced here: skip it.
        context = super(IndexPage, self).get_context(request, *args, **kwargs)
        pages = self.listed_pages(request.user)
        tags = list(tags_used(self.child_model.tags.through, pages.order_by()))
        filters = SectionFilterSet(request, pages, self.categories, tags)
        children, page_notice = filters.paginate(self.per_page)
        context.update(
            children=children,
            filters=filters,
            notices=[*filters.notices, *([page_notice] if page_notice else [])],
            filter_query=filters.query_string(),
        )
        return context


class SectionItemMixin:
    """A page of a section: its template links tags back to the section's index."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        url = self.get_url(request) or ""
        context["index_url"] = url[: -len(self.slug) - 1] if url.endswith(f"/{self.slug}/") else ""
        return context
