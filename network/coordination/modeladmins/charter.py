from django.db.models import Count
from wagtail_modeladmin.options import ModelAdminGroup

from network.coordination.admin_views.listing import CoordinationModelAdmin
from network.coordination.models import CharterAcceptance, CharterVersion

from .base import ReadOnlyPermissionHelper


class CharterAcceptanceAdmin(CoordinationModelAdmin):
    model = CharterAcceptance
    menu_label = "Acceptations"
    menu_icon = "tick"
    permission_helper_class = ReadOnlyPermissionHelper
    inspect_view_enabled = True
    list_display = ("member_name", "member_email", "version", "accepted_at")
    list_filter = ("version", "accepted_at")
    list_select_related = ("user", "version")
    search_fields = ("user__first_name", "user__last_name", "user__username", "user__email")
    list_export = ("member_name", "member_email", "version", "accepted_at")
    export_filename = "acceptations-charte"
    inspect_view_fields = ("user", "version", "accepted_at")


class CharterVersionAdmin(CoordinationModelAdmin):
    model = CharterVersion
    menu_label = "Versions"
    menu_icon = "doc-full"
    permission_helper_class = ReadOnlyPermissionHelper
    inspect_view_enabled = True
    list_display = ("label", "published_at", "acceptance_count")
    list_filter = ("published_at",)
    search_fields = ("label",)
    list_export = ("label", "published_at", "acceptance_count")
    export_filename = "versions-charte"
    inspect_view_fields = ("label", "published_at", "text")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(acceptances_total=Count("acceptances"))


class CharterAdminGroup(ModelAdminGroup):
    menu_label = "Charte"
    menu_icon = "doc-full-inverse"
    menu_order = 310
    items = (CharterAcceptanceAdmin, CharterVersionAdmin)
