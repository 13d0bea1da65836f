"""The coordinator's tools for events in the Wagtail admin: the Event snippet, and per
event the registrations (with CSV/XLSX export), attendance and the sign-in sheet."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.snippets.views.snippets import SnippetViewSet

from network.events import exports
from network.events.models import Event, Registration
from network.events.registrations import RegistrationError, cancel, mark_attendance
from workspace.admin_wording import FrenchWordingViewSetMixin
from workspace.display import count_of, of, person_name


class RegistrationsColumn(Column):
    def get_value(self, instance):
        url = reverse("network_event_registrations", args=[instance.pk])
        return format_html('<a href="{}">Inscriptions</a>', url)


class EventAdminForm(WagtailAdminModelForm):
    """The event form, with the fields that other apps add through the
    ``register_event_form_field`` hook (an object with ``name``, ``form_field()``,
    ``panel()``, ``initial(event)`` and ``save(event, value)``)."""

    extra_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for extra in self.extra_fields:
            self.initial.setdefault(extra.name, extra.initial(self.instance))

    def save(self, commit=True):
        event = super().save(commit=commit)
        for extra in self.extra_fields:
            extra.save(event, self.cleaned_data[extra.name])
        return event


def event_form_fields():
    return [make_field() for make_field in hooks.get_hooks("register_event_form_field")]


class EventViewSet(FrenchWordingViewSetMixin, SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = "Agenda"
    menu_order = 210
    add_to_admin_menu = True
    list_display = [
        "title",
        "kind",
        "start",
        "audience",
        "capacity",
        RegistrationsColumn("registrations", label="Inscrits"),
    ]
    list_filter = ["kind", "audience", "is_cancelled"]
    search_fields = ["title", "place"]
    ordering = ["-start"]
    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start", widget=AdminDateTimeInput), FieldPanel("end", widget=AdminDateTimeInput)]),
        MultiFieldPanel([FieldPanel("place"), FieldPanel("online_link")], heading="Lieu"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("audience"), FieldPanel("committee")], heading="Pour qui"),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("registration_open"),
                FieldPanel("registration_deadline", widget=AdminDateTimeInput),
            ],
            heading="Inscriptions",
        ),
        FieldPanel("training"),
        FieldPanel("is_cancelled", help_text="Les inscrits reçoivent un e-mail d'annulation."),
    ]

    def get_edit_handler(self):
        extra_fields = event_form_fields()
        form_class = type(
            "EventAdminForm",
            (EventAdminForm,),
            {"extra_fields": extra_fields, **{extra.name: extra.form_field() for extra in extra_fields}},
        )
        panels = [*self.panels[:-1], *[extra.panel() for extra in extra_fields], self.panels[-1]]
        return ObjectList(panels, base_form_class=form_class).bind_to_model(self.model)


def _event_for_coordinator(request, pk):
    if not request.user.has_perm("events.view_registration"):
        raise PermissionDenied
    return get_object_or_404(Event, pk=pk)


class RegistrationsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/registrations.html"
    header_icon = "date"

    def dispatch(self, request, pk):
        self.event = _event_for_coordinator(request, pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return f"Inscriptions : {self.event.title}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailsnippets_events_event:list"), "label": "Agenda"},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registrations = list(exports.registrations_of(self.event))
        context.update(
            event=self.event,
            registrations=registrations,
            by_status=[
                (label, [r for r in registrations if r.status == value]) for value, label in Registration.Status.choices
            ],
            may_change=self.request.user.has_perm("events.change_registration"),
        )
        return context

    def post(self, request, pk):
        """Attendance: one select per confirmed registration (present, absent, unknown)."""
        if not request.user.has_perm("events.change_registration"):
            raise PermissionDenied
        if not self.event.has_started:
            messages.error(
                request, "Les présences se saisissent à partir du début de l'événement : rien n'a été enregistré."
            )
            return redirect("network_event_registrations", pk=self.event.pk)
        changed, refused = mark_attendance(self.event, lambda row: request.POST.get(f"attended-{row.pk}"))
        if refused:
            messages.error(
                request,
                f"{count_of(refused, 'présence non reconnue', 'présences non reconnues')} : choisissez "
                "Présent, Absent ou Non renseigné.",
            )
        messages.success(request, f"Présences enregistrées ({count_of(changed, 'modification')}).")
        return redirect("network_event_registrations", pk=self.event.pk)


@require_POST
def cancel_registration(request, pk, registration_pk):
    """The coordinator cancels a member's registration (a member who phoned to say they cannot
    come): as when the member cancels, the freed place goes to the waiting list."""
    event = _event_for_coordinator(request, pk)
    if not request.user.has_perm("events.change_registration"):
        raise PermissionDenied
    registration = get_object_or_404(
        Registration.objects.select_related("user").exclude(status=Registration.Status.CANCELLED),
        pk=registration_pk,
        event=event,
    )
    name = person_name(registration.user)
    try:
        cancel(event, registration.user)
    except RegistrationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Inscription {of(name)} annulée.")
    return redirect("network_event_registrations", pk=event.pk)


def export_csv(request, pk):
    return exports.csv_response(_event_for_coordinator(request, pk))


def export_xlsx(request, pk):
    return exports.xlsx_response(_event_for_coordinator(request, pk))


def sign_in_sheet(request, pk):
    """The printable feuille d'émargement: confirmed registrants and blank lines for walk-ins."""
    event = _event_for_coordinator(request, pk)
    confirmed = [r for r in exports.registrations_of(event) if r.status == Registration.Status.CONFIRMED]
    confirmed.sort(key=lambda r: ((r.user.last_name or r.user.username).lower(), r.user.first_name.lower()))
    return render(
        request,
        "events/admin/sign_in_sheet.html",
        {"event": event, "registrations": confirmed, "blank_lines": range(5)},
    )


admin_urlpatterns = [
    path("agenda/<int:pk>/inscriptions/", RegistrationsView.as_view(), name="network_event_registrations"),
    path(
        "agenda/<int:pk>/inscriptions/<int:registration_pk>/annuler/",
        cancel_registration,
        name="network_event_registration_cancel",
    ),
    path("agenda/<int:pk>/inscriptions.csv", export_csv, name="network_event_registrations_csv"),
    path("agenda/<int:pk>/inscriptions.xlsx", export_xlsx, name="network_event_registrations_xlsx"),
    path("agenda/<int:pk>/emargement/", sign_in_sheet, name="network_event_sign_in_sheet"),
]
