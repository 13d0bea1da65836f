"""The coordinator prepares the committees' meetings in the admin.

A meeting is a snippet, not a modeladmin record: the site shows it (on its committee's private
page), and snippets are this site's idiom for the records the site shows (README, "Trois façons
d'administrer"). Its decisions and documents are edited inline. Two buttons of the save menu,
"Enregistrer et publier l'ordre du jour" and "… le compte rendu", save the meeting, publish the
text and tell the committee's members once (network/coordination/secretariat.py).
"""

from django.contrib import messages
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.views.snippets import CopyView, CreateView, EditView, SnippetViewSet

from network.coordination.models import Meeting
from network.coordination.models.committees import early_closing_error, misplaced_document_error
from network.coordination.secretariat import AGENDA, MINUTES, PUBLICATIONS, publish
from workspace.admin_wording import FrenchWordingViewSetMixin
from workspace.display import agreed, count_of, person_name

ACTION_NAMES = {AGENDA: "action-publish-agenda", MINUTES: "action-publish-minutes"}


def requested_publication(data):
    """Which text (AGENDA, MINUTES or None) the coordinator asked to publish with this save."""
    return next((what for what, name in ACTION_NAMES.items() if name in data), None)


class MeetingForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        # A decision's owner is chosen by name ("Hélène Dupré"), not by login ("copil"). Set on the
        # decisions' form class before its forms (and its empty form, copied to add one) are built.
        owner = type(self).formsets["decisions"].form.base_fields["owner_user"]
        owner.queryset = owner.queryset.order_by("last_name", "first_name", "username")
        owner.label_from_instance = person_name
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        what = requested_publication(self.data)
        if what and not strip_tags(cleaned_data.get(what) or "").strip():
            self.add_error(what, f"Rédigez {PUBLICATIONS[what]['label']} avant de le publier.")
        committee = cleaned_data.get("committee")
        for form in self.formsets["documents"].forms if committee else []:
            document = form.cleaned_data.get("document") if form.is_valid() else None
            error = document and not form.cleaned_data.get("DELETE") and misplaced_document_error(committee, document)
            if error:
                form.add_error("document", error)
        # Checked here, not by the decision: its form is cleaned before it knows its meeting.
        starts_at = cleaned_data.get("starts_at")
        for form in self.formsets["decisions"].forms:
            closed_at = form.cleaned_data.get("closed_at") if form.is_valid() else None
            error = not form.cleaned_data.get("DELETE") and early_closing_error(starts_at, closed_at)
            if error:
                form.add_error("closed_at", error)
        return cleaned_data


class PublishOnSave:
    """Save, then publish what the button asked for (and tell the members once)."""

    def save_instance(self):
        instance = super().save_instance()
        what = requested_publication(self.request.POST)
        if what:
            sent = publish(instance, what)
            label = PUBLICATIONS[what]["label"]
            if sent is None:
                messages.info(self.request, f"{label.capitalize()} était déjà publié et envoyé : aucun nouvel e-mail.")
            elif sent:
                messages.success(
                    self.request,
                    f"{label.capitalize()} est publié : {count_of(sent, 'membre')} du comité "
                    f"{agreed(sent, 'a reçu', 'ont reçu')} un e-mail avec le lien de la réunion.",
                )
            else:
                messages.warning(
                    self.request,
                    f"{label.capitalize()} est publié, mais aucun membre actif du comité n'a d'adresse e-mail : "
                    "personne n'a été prévenu.",
                )
        return instance


class MeetingCreateView(PublishOnSave, CreateView):
    pass


class MeetingEditView(PublishOnSave, EditView):
    @cached_property
    def header_buttons(self):
        # The coordinator checks what the members will read, without a members' account.
        return [
            *super().header_buttons,
            HeaderButton("Voir la page des membres", url=self.object.get_url(), icon_name="view"),
        ]


class MeetingCopyView(CopyView):
    """A copy prepares the next meeting: the committee, title, place and agenda may serve again, but the
    minutes, decisions and papers belong to the meeting copied (copied decisions would be carried twice)."""

    kept_fields = ("committee", "title", "starts_at", "place", "agenda")

    def get_initial_form_instance(self):
        original = super().get_initial_form_instance()
        return Meeting(**{name: getattr(original, name) for name in self.kept_fields})


class PublishMenuItem(ActionMenuItem):
    """A button of the save menu; hidden once the members have been told."""

    def __init__(self, what):
        super().__init__(order=20 if what == AGENDA else 30)
        self.what = what
        self.name = ACTION_NAMES[what]
        self.label = f"Enregistrer et publier {PUBLICATIONS[what]['label']}"
        self.icon_name = "mail"

    def is_shown(self, context):
        instance = context.get("instance")
        return super().is_shown(context) and not (instance and getattr(instance, f"{self.what}_sent_at"))


def publish_menu_item(model, what):
    return PublishMenuItem(what) if model is Meeting else None


class MeetingViewSet(FrenchWordingViewSetMixin, SnippetViewSet):
    model = Meeting
    edit_handler = ObjectList(Meeting.panels, base_form_class=MeetingForm)
    add_view_class = MeetingCreateView
    edit_view_class = MeetingEditView
    copy_view_class = MeetingCopyView
    icon = "group"
    menu_label = "Réunions des comités"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["title", "committee", "starts_at", "agenda_sent_at", "minutes_sent_at"]
    list_filter = ["committee"]
    search_fields = ["title", "place"]
    ordering = ["-starts_at"]

    def get_queryset(self, request):
        return Meeting.objects.select_related("committee")
