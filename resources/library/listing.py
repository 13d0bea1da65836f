"""Listing helpers shared by the section indexes: filters read from the query string,
pagination that explains itself, and the visible child pages of one type."""

from dataclasses import dataclass, field

from django.utils.http import urlencode
from taggit.models import Tag

from workspace.accounts.access import exclude_hidden_subtrees
from workspace.pages.models import IndexPage
from workspace.pages.pagination import paginate


def visible_of_type(model, parent, user):
    """Live pages of ``model`` under ``parent`` that ``user`` may see."""
    return exclude_hidden_subtrees(model.objects.live().descendant_of(parent), user)


@dataclass
class Filters:
    """Category and tag filters of an index, checked against what exists."""

    category: str = ""
    tag: Tag | None = None
    notices: list = field(default_factory=list)

    @classmethod
    def from_request(cls, request, categories=None):
        filters = cls()
        category = request.GET.get("categorie", "").strip()[:50]
        if category and categories is not None:
            if category in dict(categories):
                filters.category = category
            else:
                filters.notices.append("Cette catégorie n'existe pas : toutes les catégories sont affichées.")
        tag_slug = request.GET.get("etiquette", "").strip()[:100]
        if tag_slug:
            filters.tag = Tag.objects.filter(slug=tag_slug).first()
            if filters.tag is None:
                filters.notices.append("Cette étiquette n'existe pas : toutes les étiquettes sont affichées.")
        return filters

    def apply(self, queryset):
        if self.category:
            queryset = queryset.filter(category=self.category)
        if self.tag:
            queryset = queryset.filter(tags=self.tag)
        return queryset

    def query_string(self):
        """The filters as a query string for the pagination links."""
        params = {}
        if self.category:
            params["categorie"] = self.category
        if self.tag:
            params["etiquette"] = self.tag.slug
        return urlencode(params)


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
        filters = Filters.from_request(request, self.categories)
        pages = self.listed_pages(request.user)
        children, page_notice = paginate(filters.apply(pages), request.GET.get("page"), self.per_page)
        context.update(
            children=children,
            filters=filters,
            notices=[*filters.notices, *([page_notice] if page_notice else [])],
            extra_query=filters.query_string(),
            categories=self.categories,
            tags=tags_used(self.child_model.tags.through, pages.order_by()),
        )
        return context


class SectionItemMixin:
    """A page of a section: its template links tags back to the section's index."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        url = self.get_url(request) or ""
        context["index_url"] = url[: -len(self.slug) - 1] if url.endswith(f"/{self.slug}/") else ""
        return context
