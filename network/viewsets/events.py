"""The coordinator's tools for events in the Wagtail admin: the Event snippet, and per
event the registrations (with CSV/XLSX export), attendance and the sign-in sheet."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.snippets.views.snippets import SnippetViewSet

from network import exports
from network.models import Event, Registration
from resources.exchanges.models import Discussion


class RegistrationsColumn(Column):
    def get_value(self, instance):
        url = reverse("network_event_registrations", args=[instance.pk])
        return format_html('<a href="{}">Inscriptions</a>', url)


class EventAdminForm(WagtailAdminModelForm):
    """Only visible discussions are offered; a linked discussion hidden since stays linked
    (it is shown nowhere while hidden) instead of being dropped by the next save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["discussions"].queryset = Discussion.objects.filter(hidden=False).order_by("-created_at", "-pk")

    def clean_discussions(self):
        chosen = list(self.cleaned_data["discussions"])
        if self.instance.pk:
            chosen += list(self.instance.discussions.filter(hidden=True))
        return chosen


class EventViewSet(SnippetViewSet):
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
        FieldPanel("discussions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_cancelled", help_text="Les inscrits reçoivent un e-mail d'annulation."),
    ]
    edit_handler = ObjectList(panels, base_form_class=EventAdminForm)


def _event_for_coordinator(request, pk):
    if not request.user.has_perm("network.view_registration"):
        raise PermissionDenied
    return get_object_or_404(Event, pk=pk)


class RegistrationsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "network/admin/registrations.html"
    header_icon = "date"

    def dispatch(self, request, pk):
        self.event = _event_for_coordinator(request, pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return f"Inscriptions : {self.event.title}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailsnippets_network_event:list"), "label": "Agenda"},
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
            can_mark=self.request.user.has_perm("network.change_registration"),
        )
        return context

    def post(self, request, pk):
        """Attendance: one select per confirmed registration (present, absent, unknown)."""
        if not request.user.has_perm("network.change_registration"):
            raise PermissionDenied
        values = {"1": True, "0": False, "": None}
        changed = 0
        for registration in self.event.registrations.filter(status=Registration.Status.CONFIRMED):
            key = f"attended-{registration.pk}"
            if key in request.POST and request.POST[key] in values:
                attended = values[request.POST[key]]
                if attended != registration.attended:
                    registration.attended = attended
                    registration.save(update_fields=["attended"])
                    changed += 1
        messages.success(request, f"Présences enregistrées ({changed} modification{'s' if changed > 1 else ''}).")
        return redirect("network_event_registrations", pk=self.event.pk)


def export_csv(request, pk):
    event = _event_for_coordinator(request, pk)
    response = HttpResponse(exports.as_csv(event), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inscriptions-{event.pk}.csv"'
    return response


def export_xlsx(request, pk):
    event = _event_for_coordinator(request, pk)
    response = HttpResponse(
        exports.as_xlsx(event), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="inscriptions-{event.pk}.xlsx"'
    return response


def sign_in_sheet(request, pk):
    """The printable feuille d'émargement: confirmed registrants and blank lines for walk-ins."""
    event = _event_for_coordinator(request, pk)
    confirmed = [r for r in exports.registrations_of(event) if r.status == Registration.Status.CONFIRMED]
    confirmed.sort(key=lambda r: ((r.user.last_name or r.user.username).lower(), r.user.first_name.lower()))
    return render(
        request,
        "network/admin/sign_in_sheet.html",
        {"event": event, "registrations": confirmed, "blank_lines": range(5)},
    )


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [
        path("agenda/<int:pk>/inscriptions/", RegistrationsView.as_view(), name="network_event_registrations"),
        path("agenda/<int:pk>/inscriptions.csv", export_csv, name="network_event_registrations_csv"),
        path("agenda/<int:pk>/inscriptions.xlsx", export_xlsx, name="network_event_registrations_xlsx"),
        path("agenda/<int:pk>/emargement/", sign_in_sheet, name="network_event_sign_in_sheet"),
    ]
