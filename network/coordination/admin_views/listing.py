"""What the coordination's modeladmin screens share: a listing that survives a mistyped filter,
reads its booleans Oui / Non, says its model's name in proper French (workspace/admin_wording.py) and
exports through workspace/exports.py, addresses that take a number as the key."""

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import label_for_field, lookup_field
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.shortcuts import redirect
from django.utils.text import capfirst
from wagtail_modeladmin.helpers import AdminURLHelper, ButtonHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import CreateView, DeleteView, EditView, HistoryView, IndexView, InspectView

from workspace.admin_wording import (
    FrenchMessagesMixin,
    FrenchPaginator,
    ModelNoun,
    TitledRecordMixin,
    delete_question,
    no_results_sentence,
    record_mixin,
)
from workspace.display import Noun, yes_no
from workspace.exports import modeladmin_index_view


class YesNoColumn:
    """A boolean column of a listing (a boolean field, or a method marked ``boolean``) read Oui / Non,
    as Wagtail's own listings read them (workspace/templates/wagtailadmin/tables/cell.html), where
    modeladmin would show an icon whose text is "True"."""

    def __init__(self, model_admin, name, order_field):
        self.model_admin, self.name, self.__name__ = model_admin, name, name
        self.short_description = label_for_field(name, model_admin.model, model_admin=model_admin)
        self.admin_order_field = order_field

    @classmethod
    def of(cls, model_admin, name):
        """The column for ``name`` (a list_display entry): itself unless it shows a boolean."""
        if not isinstance(name, str):
            return name
        try:
            if isinstance(model_admin.model._meta.get_field(name), models.BooleanField):
                return cls(model_admin, name, name)
            return name
        except FieldDoesNotExist:
            attr = getattr(model_admin, name, None) or getattr(model_admin.model, name, None)
        if getattr(attr, "boolean", False):
            return cls(model_admin, name, getattr(attr, "admin_order_field", None))
        return name

    def __call__(self, instance):
        return yes_no(lookup_field(self.name, instance, self.model_admin)[2])

    def __str__(self):
        return self.name


class LenientIndexView(ModelNoun, IndexView):
    """A filter value the listing cannot read (a date mistyped in the address) shows the whole
    listing again, as Django's admin does, instead of a server error. Its booleans read Oui / Non,
    its count and empty messages the model's Noun (coordination/admin/index.html)."""

    paginator_class = FrenchPaginator

    def no_results_message(self):
        return no_results_sentence(self.noun, searching=True)

    def nothing_yet_message(self):
        can_add = self.permission_helper.user_can_create(self.request.user)
        return no_results_sentence(self.noun, searching=False, add_url=self.url_helper.create_url if can_add else None)

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            return redirect(f"{request.path}?{self.ERROR_FLAG}=1")

    def get_context_data(self, **kwargs):
        # Once the ordering is read (by position: unchanged), for the table's headers and cells.
        self.list_display = [YesNoColumn.of(self.model_admin, name) for name in self.list_display]
        return super().get_context_data(**kwargs)


# Every listing of the coordination's records: lenient, and exporting through workspace/exports.py.
CoordinationIndexView = modeladmin_index_view(LenientIndexView)


class NumericKeyURLHelper(AdminURLHelper):
    """Addresses of a record (edit, delete, inspect, history) that take a number as its key:
    modeladmin accepts any word there, and something that is not a number is an unknown address
    (404), not a server error."""

    def get_action_url_pattern(self, action):
        return super().get_action_url_pattern(action).replace(r"(?P<instance_pk>[-\w]+)", r"(?P<instance_pk>\d+)")


class FrenchButtonHelper(ButtonHelper):
    """The listing's "Ajouter une convention" (modeladmin writes "Ajouter un(e) Convention")."""

    def add_button(self, classnames_add=None, classnames_exclude=None):
        noun = Noun.of(self.model)
        return {
            **super().add_button(classnames_add, classnames_exclude),
            "label": f"Ajouter {noun.one()}",
            "title": f"Ajouter {noun.another()}",
        }


class FrenchCreateView(FrenchMessagesMixin, CreateView):
    """ "Nouvelle convention" as the creation form's title, not "Créer un(e) autre Convention"."""

    done_participle = refused_participle = "créé"

    def get_meta_title(self):
        return capfirst(self.noun.new())


# A record's pages: "Modifier la convention « CAF-001 »" (modeladmin: "Modification de Convention").
class FrenchEditView(FrenchMessagesMixin, record_mixin("edit", TitledRecordMixin), EditView):
    pass


class FrenchDeleteView(FrenchMessagesMixin, record_mixin("delete", TitledRecordMixin), DeleteView):
    done_participle = "supprimé"

    def confirmation_message(self):  # a method here, called by modeladmin's template
        return f"{delete_question(self.model)} Ce qui lui est rattaché sur le site peut en être affecté."

    def post(self, request, *args, **kwargs):
        # modeladmin writes its « supprimé(e) » message inside post(): the record's name is read
        # before it goes, and the message replaced once it is gone.
        message, pk = self.done_message(self.instance, "supprimé"), self.instance.pk
        response = super().post(request, *args, **kwargs)
        if not self.model.objects.filter(pk=pk).exists():
            storage = messages.get_messages(request)
            kept = [m for m in storage if m.level != messages.SUCCESS]
            for m in kept:
                messages.add_message(request, m.level, m.message, extra_tags=m.extra_tags)
            messages.success(request, message)
        return response


class FrenchInspectView(ModelNoun, record_mixin("inspect", TitledRecordMixin), InspectView):
    """Its back link is written by coordination/admin/inspect.html (« Retourner à la liste des … »)."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(back_label=f"Retourner à la liste des {self.noun.plural}", **kwargs)


class FrenchHistoryView(record_mixin("history", TitledRecordMixin), HistoryView):
    pass


class PrefilledCreateView(FrenchCreateView):
    """A creation form whose ``prefilled_field`` is already chosen when the address names one of its
    records (``?structure=12``): the cockpit's links open it filled in. Any other value is ignored."""

    prefilled_field = None

    def get_initial(self):
        initial = super().get_initial()
        key = self.request.GET.get(self.prefilled_field, "")
        related = self.model._meta.get_field(self.prefilled_field).related_model
        # A key longer than a database integer is no record of ours (and no query for PostgreSQL).
        if key.isdecimal() and len(key) < 10 and related.objects.filter(pk=key).exists():
            initial[self.prefilled_field] = int(key)
        return initial


class CoordinationModelAdmin(ModelAdmin):
    # An empty value reads "—" as in the rest of the admin (modeladmin writes "-", which also names
    # the "no territory" choice of a filter).
    empty_value_display = "—"
    index_view_class = CoordinationIndexView
    index_template_name = "coordination/admin/index.html"
    index_view_extra_css = ["coordination/admin/listing.css"]
    create_view_class = FrenchCreateView
    edit_view_class = FrenchEditView
    delete_view_class = FrenchDeleteView
    inspect_view_class = FrenchInspectView
    inspect_template_name = "coordination/admin/inspect.html"
    history_view_class = FrenchHistoryView
    button_helper_class = FrenchButtonHelper
    url_helper_class = NumericKeyURLHelper
