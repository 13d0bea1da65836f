"""The admin's listings say their model's name in proper French.

Wagtail writes "Ajouter un(e) Événement", "15 Événements", "Aucun(e) Grilles d'activité ne
correspond à votre requête" and wagtail-modeladmin "Aucun Conventions n'a été créé(e)": generic
sentences around a capitalised verbose name, whose gender they cannot know. Our listings build
these sentences from the model's ``Noun`` (workspace/display.py) instead: "Ajouter un événement",
"15 événements", "Aucune grille d'activité ne correspond à votre requête".

Every SnippetViewSet / ModelViewSet of ours takes ``FrenchWordingViewSetMixin`` first (a test reads
every listing); the coordination's ModelAdmins take the modeladmin side through
network/coordination/admin_views/listing.py.
"""

import functools

import django_filters
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from wagtail.admin.active_filters import BaseFilterAdapter, register_filter_adapter_class
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic import CreateView, IndexView

from workspace.display import Noun, yes_no


class FrenchPaginator(WagtailPaginator):
    """The count under a listing: "15 événements", not "15 Événements"."""

    @cached_property
    def items_count_label(self):
        if self.model is None:
            return super().items_count_label
        return Noun.of(self.model).count(self.count)


def no_results_sentence(noun, *, searching, add_url=None):
    """What an empty listing says: no match for a search or a filter, or nothing yet (with a link to
    add one when the user may)."""
    if searching:
        return f"{capfirst(noun.none())} ne correspond à votre requête."
    if add_url:
        one = "une" if noun.feminine else "un"
        return format_html(
            '{} pour l\'instant. Pourquoi ne pas <a href="{}">en ajouter {}</a> ?', capfirst(noun.none()), add_url, one
        )
    return f"{capfirst(noun.none())} pour l'instant."


class FrenchIndexMixin:
    """A generic IndexView (snippets, ModelViewSet) whose labels read the model's Noun. Its empty
    message is read by workspace/templates/wagtailadmin/generic/index_results.html."""

    paginator_class = FrenchPaginator

    @cached_property
    def noun(self):
        return Noun.of(self.model)

    @cached_property
    def add_item_label(self):
        return f"Ajouter {self.noun.one()}"

    @cached_property
    def no_results_message(self):
        searching = self.is_searching or self.is_filtering
        can_add = not searching and self.user_has_permission("add")
        return no_results_sentence(self.noun, searching=searching, add_url=self.add_url if can_add else None)


class FrenchCreateMixin:
    """A generic CreateView whose breadcrumb reads "Nouvel événement", not "Nouvel(le) : Événement"."""

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        if self.model and not self.page_subtitle:
            items[-1] = {**items[-1], "label": capfirst(Noun.of(self.model).new())}
        return items


@functools.cache
def french_view_class(view_class):
    """``view_class`` with the French wording of its kind (listing, creation), else itself."""
    for view_kind, mixin in ((IndexView, FrenchIndexMixin), (CreateView, FrenchCreateMixin)):
        if issubclass(view_class, view_kind) and not issubclass(view_class, mixin):
            return type(view_class.__name__, (mixin, view_class), {"__module__": view_class.__module__})
    return view_class


class FrenchWordingViewSetMixin:
    """First base of every SnippetViewSet / ModelViewSet of ours: whatever index or create view it is
    given, it says the model's name in French."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(french_view_class(view_class), **kwargs)


class YesNoFilterAdapter(BaseFilterAdapter):
    """The chip of an active yes / no filter above a listing: "Traité : Non", where Wagtail shows the
    Python value ("Traité : False")."""

    def get_active_filters(self):
        for active in super().get_active_filters():
            yield active._replace(value=yes_no(self.value))


# Every BooleanFilter of every admin listing: those of our filtersets and those Wagtail makes from a
# list_filter on a boolean field. Wagtail registers its own adapters the same way, on import; this
# module is imported by each of our viewsets.
register_filter_adapter_class(django_filters.BooleanFilter, YesNoFilterAdapter)
