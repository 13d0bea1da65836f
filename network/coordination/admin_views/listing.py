"""What the coordination's modeladmin screens share: a listing that survives a mistyped filter and
exports through workspace/exports.py, addresses that take a number as the key."""

from django.contrib.admin.options import IncorrectLookupParameters
from django.shortcuts import redirect
from wagtail_modeladmin.helpers import AdminURLHelper
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


class NumericKeyURLHelper(AdminURLHelper):
    """Addresses of a record (edit, delete, inspect, history) that take a number as its key:
    modeladmin accepts any word there, and something that is not a number is an unknown address
    (404), not a server error."""

    def get_action_url_pattern(self, action):
        return super().get_action_url_pattern(action).replace(r"(?P<instance_pk>[-\w]+)", r"(?P<instance_pk>\d+)")


class CoordinationModelAdmin(ModelAdmin):
    index_view_class = CoordinationIndexView
    url_helper_class = NumericKeyURLHelper
