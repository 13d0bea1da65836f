"""The admin's listings say their model's name in proper French.

Wagtail writes "Ajouter un(e) Événement", "15 Événements", "Aucun(e) Grilles d'activité ne
correspond à votre requête" and wagtail-modeladmin "Aucun Conventions n'a été créé(e)": generic
sentences around a capitalised verbose name, whose gender they cannot know. Our listings build
these sentences from the model's ``Noun`` (workspace/display.py) instead: "Ajouter un événement",
"15 événements", "Aucune grille d'activité ne correspond à votre requête".

The pages of one record are named the same way: Wagtail titles them "Modification: CAF-001",
"Supprimer CAF-001" and wagtail-modeladmin "Modification de Convention", "Inspection de ce/cette
Convention"; ours read "Modifier la convention « CAF-001 »", "Historique de l'événement « … »"
(``record_page_title``, ``record_heading``).

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
from wagtail.admin.views.generic import (
    CreateView,
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    InspectView,
    UsageView,
)

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


class ModelNoun:
    """For a view of one model (generic or wagtail-modeladmin): ``noun``, the model's Noun."""

    @cached_property
    def noun(self):
        return Noun.of(self.model)


class FrenchIndexMixin(ModelNoun):
    """A generic IndexView (snippets, ModelViewSet) whose labels read the model's Noun. Its empty
    message is read by workspace/templates/wagtailadmin/generic/index_results.html."""

    paginator_class = FrenchPaginator

    @cached_property
    def add_item_label(self):
        return f"Ajouter {self.noun.one()}"

    @cached_property
    def no_results_message(self):
        searching = self.is_searching or self.is_filtering
        can_add = not searching and self.user_has_permission("add")
        return no_results_sentence(self.noun, searching=searching, add_url=self.add_url if can_add else None)


class FrenchMessagesMixin(ModelNoun):
    """A record's messages in proper French: « Convention « … » modifiée. », « Cette convention n'a pas
    pu être enregistrée : corrigez les erreurs ci-dessous. », where Wagtail and wagtail-modeladmin write
    « modifié(e) » and « Le(la) Convention ». A view sets the participles of what it does."""

    done_participle = "modifié"
    refused_participle = "enregistré"

    def done_message(self, instance, participle):
        return f"{capfirst(self.noun.singular)} « {instance} » {self.noun.agreed(participle)}."

    def refused_message(self, participle):
        participle = self.noun.agreed(participle)
        return f"{capfirst(self.noun.this())} n'a pas pu être {participle} : corrigez les erreurs ci-dessous."

    def get_success_message(self, instance=None):
        return self.done_message(instance or self.object, self.done_participle)

    def get_error_message(self):
        if getattr(self, "expects_json_response", False):  # Wagtail's sentence for its script
            return super().get_error_message()
        return self.refused_message(self.refused_participle)


class FrenchCreateMixin(FrenchMessagesMixin):
    """A generic CreateView whose breadcrumb reads "Nouvel événement", not "Nouvel(le) : Événement"."""

    done_participle = refused_participle = "créé"

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        if self.model and not self.page_subtitle:
            items[-1] = {**items[-1], "label": capfirst(self.noun.new())}
        return items


# The pages of one record: what the page does, then the record's noun with its article.
RECORD_PAGES = {
    "edit": ("Modifier", Noun.the),
    "delete": ("Supprimer", Noun.the),
    "inspect": ("Inspecter", Noun.the),
    "history": ("Historique", Noun.of_the),
    "usage": ("Utilisation", Noun.of_the),
}


def record_page_title(page, model):
    """ "Modifier la convention", "Historique de l'événement", "Supprimer le bilan individuel" """
    words, article = RECORD_PAGES[page]
    return f"{words} {article(Noun.of(model))}"


def quoted(record):
    return f"« {record} »"


def record_heading(page, model, record):
    """ "Modifier la convention « CAF-001 — MJC de Céret »": the page's title and header."""
    return f"{record_page_title(page, model)} {quoted(record)}"


def delete_question(model):
    """ "Voulez-vous vraiment supprimer cette convention ?" (Wagtail: "… ce(tte) Convention ?")"""
    return f"Voulez-vous vraiment supprimer {Noun.of(model).this()} ?"


class FrenchRecordMixin:
    """A view of one record (edit, delete, inspect, history, usage: ``record_page``) titled by
    ``record_heading``: Wagtail's generic views (snippets, ModelViewSet) and wagtail-modeladmin's.
    The record's name in the breadcrumbs stays as Wagtail gives it; a crumb that names the page
    (history, inspect, usage) reads ``record_page_title``."""

    record_page = None

    def get_page_title(self):
        return record_page_title(self.record_page, self.model)

    def get_header_title(self):
        return record_heading(self.record_page, self.model, self.get_page_subtitle())

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        if items and items[-1].get("sublabel"):  # "Historique" after the record's own crumb
            items[-1] = {**items[-1], "label": self.get_page_title()}
        return items


class TitledRecordMixin(FrenchRecordMixin):
    """A record's page whose header is its title then the record (a generic deletion page, which has
    no breadcrumbs; every wagtail-modeladmin page of a record): the record comes quoted."""

    def get_page_subtitle(self):
        return quoted(super().get_page_subtitle())

    def get_header_title(self):
        return f"{self.get_page_title()} {self.get_page_subtitle()}"

    def get_meta_title(self):  # wagtail-modeladmin's <title>
        return self.get_header_title()


def record_mixin(page, base=FrenchRecordMixin):
    return type(f"French{page.capitalize()}Mixin", (base,), {"record_page": page})


class FrenchEditMixin(FrenchMessagesMixin, record_mixin("edit")):
    pass


class FrenchDeleteMixin(FrenchMessagesMixin, record_mixin("delete", TitledRecordMixin)):
    done_participle = "supprimé"

    @property
    def confirmation_message(self):
        return delete_question(self.model)


class FrenchHistoryMixin(record_mixin("history")):
    # Wagtail: "Il n'y a pas de entrées de journal à afficher."
    no_results_message = "Aucune modification n'est enregistrée pour l'instant."


# Each kind of generic view and the wording it takes; the first that a view is a kind of wins.
FRENCH_MIXINS = (
    (IndexView, FrenchIndexMixin),
    (CreateView, FrenchCreateMixin),
    (EditView, FrenchEditMixin),
    (DeleteView, FrenchDeleteMixin),
    (InspectView, record_mixin("inspect")),
    (HistoryView, FrenchHistoryMixin),
    (UsageView, record_mixin("usage")),
)


@functools.cache
def french_view_class(view_class):
    """``view_class`` with the French wording of its kind (listing, creation, a record's pages),
    else itself."""
    for view_kind, mixin in FRENCH_MIXINS:
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
