"""Applications and the network's mailbox: "Candidatures et contacts" in the admin menu."""

from django import forms
from django.urls import reverse
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail_modeladmin.options import ModelAdminGroup
from wagtail_modeladmin.views import InspectView

from network.coordination.admin_views.listing import CoordinationModelAdmin, FrenchButtonHelper
from network.coordination.admin_views.onboarding import checklist_url
from network.coordination.joining import CannotInvite, check_can_reinvite
from network.coordination.models import Application, ContactMessage
from network.coordination.models.applications import NETWORK_LABELS
from network.directory.models import Promeneur

from .base import RecordedBySitePermissionHelper


class ApplicationAdminForm(WagtailAdminModelForm):
    networks = forms.MultipleChoiceField(
        label="Réseaux sociaux utilisés",
        choices=list(NETWORK_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == Application.Status.ACCEPTED and self.instance.status != Application.Status.ACCEPTED:
            raise forms.ValidationError(
                "Pour accepter une candidature, utilisez le bouton « Accepter et inviter » : il crée la structure "
                "dans l'annuaire et envoie l'invitation au futur promeneur."
            )
        if self.instance.status == Application.Status.ACCEPTED and status != Application.Status.ACCEPTED:
            raise forms.ValidationError(
                "Cette candidature est acceptée : sa structure et le compte du promeneur existent déjà."
            )
        return status


def newcomer_links(application):
    """Where the coordinator goes next once an application is accepted: the new promeneur's sheet
    and their onboarding; none while no sheet came of it (or it was anonymised since)."""
    promeneur = Promeneur.objects.filter(user_id=application.invited_user_id).first()
    if application.invited_user_id is None or promeneur is None:
        return []
    return [
        ("Fiche du promeneur", reverse("wagtailsnippets_directory_promeneur:edit", args=[promeneur.pk])),
        ("Suivi de l'accueil", checklist_url(promeneur)),
    ]


def can_reinvite(application):
    try:
        check_can_reinvite(application)
    except CannotInvite:
        return False
    return True


class ApplicationButtonHelper(FrenchButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if not self.permission_helper.user_can_edit_obj(self.request.user, obj):
            return buttons
        if obj.is_open:
            url = reverse("coordination_application_accept", args=[obj.pk])
            buttons.append(self._button("Accepter et inviter", url, obj))
        elif obj.status == Application.Status.ACCEPTED and obj.invited_user_id:
            # Only while the account waits for its password: the view would refuse the button.
            if can_reinvite(obj):
                url = reverse("coordination_application_reinvite", args=[obj.pk])
                buttons.append(self._button("Renvoyer l'invitation", url, obj))
            # On the application's own page only: the listing would pay a query per line.
            if isinstance(self.view, InspectView):
                buttons.extend(self._button(label, url, obj) for label, url in newcomer_links(obj))
        return buttons

    def _button(self, label, url, obj):
        return {
            "url": url,
            "label": label,
            "classname": self.finalise_classname(["button", "button-small", "button-secondary"]),
            "title": f"{label} : {obj}",
        }


class ApplicationAdmin(CoordinationModelAdmin):
    model = Application
    menu_label = "Candidatures"
    menu_icon = "user"
    button_helper_class = ApplicationButtonHelper
    inspect_view_enabled = True

    def get_queryset(self, request):
        # The buttons read the invited account (ApplicationButtonHelper): once per page, not per line.
        return super().get_queryset(request).select_related("invited_user")

    list_display = ("structure_name", "town", "contact", "professionals_count", "received_at", "status")
    list_filter = ("status", "received_at")
    search_fields = (
        "structure_name",
        "town",
        "contact_first_name",
        "contact_last_name",
        "contact_email",
        "motivation",
        "notes",
    )
    list_export = (
        "received_at",
        "status",
        *Application.IDENTITY_FIELDS,
        "network_names",
        "motivation",
        "notes",
        "decided_at",
        "invitation_sent_at",
    )
    export_filename = "candidatures"
    # What the export holds, and the records the acceptance made.
    inspect_view_fields = (*list_export[:-1], "structure", "invited_user", list_export[-1])
    edit_handler = ObjectList(
        [
            MultiFieldPanel([FieldPanel("status"), FieldPanel("notes")], heading="Suivi"),
            MultiFieldPanel(
                [
                    FieldPanel("structure_name"),
                    FieldPanel("address"),
                    FieldPanel("town"),
                    FieldRowPanel([FieldPanel("contact_first_name"), FieldPanel("contact_last_name")]),
                    FieldPanel("contact_role"),
                    FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                    FieldPanel("professionals_count"),
                    FieldPanel("networks"),
                    FieldPanel("motivation"),
                    FieldPanel("received_at"),
                ],
                heading="Candidature",
            ),
        ],
        base_form_class=ApplicationAdminForm,
    )


class ContactMessageAdmin(CoordinationModelAdmin):
    model = ContactMessage
    menu_label = "Messages reçus"
    menu_icon = "mail"
    permission_helper_class = RecordedBySitePermissionHelper
    inspect_view_enabled = True
    list_display = ("subject", "name", "email", "received_at", "status")
    list_filter = ("status", "received_at")
    search_fields = ("name", "email", "subject", "message", "notes")
    list_export = ("received_at", "status", "name", "email", "subject", "message", "notes")
    export_filename = "messages-recus"
    inspect_view_fields = ("received_at", "status", "name", "email", "subject", "message", "notes")
    edit_handler = ObjectList(
        [
            MultiFieldPanel([FieldPanel("status"), FieldPanel("notes")], heading="Suivi"),
            MultiFieldPanel(
                [
                    FieldPanel("name", read_only=True),
                    FieldPanel("email", read_only=True),
                    FieldPanel("subject", read_only=True),
                    FieldPanel("message", read_only=True),
                    FieldPanel("received_at", read_only=True),
                ],
                heading="Message",
            ),
        ]
    )


class JoiningAdminGroup(ModelAdminGroup):
    menu_label = "Candidatures et contacts"
    menu_icon = "group"
    menu_order = 300
    items = (ApplicationAdmin, ContactMessageAdmin)
