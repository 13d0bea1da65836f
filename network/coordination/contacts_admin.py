"""The network's contacts in the admin (wagtail-modeladmin): Coordination only, with search,
filters, inspect view and CSV / XLSX export; a contact who sits on a committee is linked to the
account of that committee member."""

from django import forms
from django.contrib.admin import SimpleListFilter
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList

from network.coordination.admin_views.listing import CoordinationModelAdmin
from network.coordination.models import NetworkContact
from network.coordination.models.contacts import committee_accounts
from workspace.accounts.roles import COMMITTEES
from workspace.display import person_name


class CommitteeMemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        name = person_name(user)
        return f"{name} ({user.email})" if user.email else name


class NetworkContactForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "committee_member" in self.fields:
            field = self.fields["committee_member"]
            self.fields["committee_member"] = CommitteeMemberChoiceField(
                queryset=committee_accounts(),
                required=False,
                label=field.label,
                help_text=field.help_text,
                empty_label="Aucun (ne siège à aucun comité)",
            )


class CommitteeFilter(SimpleListFilter):
    title = "Comité"
    parameter_name = "comite"

    def lookups(self, request, model_admin):
        return [(name, name) for name in COMMITTEES] + [("aucun", "Ne siège à aucun comité")]

    def queryset(self, request, queryset):
        if self.value() in COMMITTEES:
            return queryset.filter(committee_member__groups__name=self.value())
        if self.value() == "aucun":
            return queryset.filter(committee_member__isnull=True)
        return queryset


class NetworkContactAdmin(CoordinationModelAdmin):
    model = NetworkContact
    menu_label = "Contacts du réseau"
    menu_icon = "group"
    menu_order = 200
    list_display = ("organisation", "person", "role", "kind", "territory", "email", "phone", "committee_names")
    list_filter = ("kind", CommitteeFilter, "territory")
    search_fields = ("organisation", "person", "role", "email", "notes")
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields = (
        "organisation",
        "person",
        "role",
        "kind",
        "email",
        "phone",
        "territory",
        "committee_member_name",
        "committee_names",
        "notes",
        "created_at",
        "updated_at",
    )
    list_export = (
        "organisation",
        "person",
        "role",
        "get_kind_display",
        "email",
        "phone",
        "territory",
        "committee_names",
        "notes",
    )
    export_headings = {"get_kind_display": "Type"}
    export_filename = "contacts-du-reseau"
    edit_handler = ObjectList(
        [
            FieldPanel("organisation"),
            FieldRowPanel([FieldPanel("person"), FieldPanel("role")]),
            FieldPanel("kind"),
            MultiFieldPanel([FieldRowPanel([FieldPanel("email"), FieldPanel("phone")])], heading="Coordonnées"),
            FieldPanel("territory"),
            FieldPanel("committee_member"),
            FieldPanel("notes"),
        ],
        base_form_class=NetworkContactForm,
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("territory", "committee_member")
            .prefetch_related("committee_member__groups")
        )
