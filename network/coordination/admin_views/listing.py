"""What the coordination's modeladmin screens share: a listing that survives a mistyped filter and
exports through workspace/exports.py, addresses that take a number as the key."""

from django.contrib.admin.options import IncorrectLookupParameters
from django.http import Http404
from django.shortcuts import redirect
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from workspace.exports import modeladmin_index_view


class LenientIndexView(IndexView):
    """A filter value the listing cannot read (a date mistyped in the address) shows the whole
    listing again, as Django's admin does, instead of a server error."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            return redirect(f"{request.path}?{self.ERROR_FLAG}=1")


# Every listing of the coordination's records: lenient, and exporting through workspace/exports.py.
CoordinationIndexView = modeladmin_index_view(LenientIndexView)


class CoordinationModelAdmin(ModelAdmin):
    """A modeladmin whose addresses take a number as the record's key: modeladmin accepts any word
    there, and something that is not a number is an unknown record (404), not a server error."""

    index_view_class = CoordinationIndexView

    @staticmethod
    def check_pk(instance_pk):
        if not instance_pk.isdecimal():
            raise Http404

    def edit_view(self, request, instance_pk):
        self.check_pk(instance_pk)
        return super().edit_view(request, instance_pk)

    def delete_view(self, request, instance_pk):
        self.check_pk(instance_pk)
        return super().delete_view(request, instance_pk)

    def inspect_view(self, request, instance_pk):
        self.check_pk(instance_pk)
        return super().inspect_view(request, instance_pk)

    def history_view(self, request, instance_pk):
        self.check_pk(instance_pk)
        return super().history_view(request, instance_pk)
