"""Registration lists of an event as rows, CSV and XLSX."""

from django.db.models import Case, IntegerField, Value, When

from network.events.models import Registration
from workspace import exports as spreadsheets

HEADERS = ("Nom", "Prénom", "E-mail", "Structure", "Statut", "Inscrit le", "Présence")


STATUS_ORDER = Case(
    *(When(status=value, then=Value(rank)) for rank, value in enumerate(Registration.Status.values)),
    output_field=IntegerField(),
)


def registrations_of(event):
    """Confirmed first, then the waiting list in its order, then the cancelled."""
    return (
        Registration.objects.filter(event=event)
        .select_related("user", "user__promeneur__structure", "user__former_promeneur__structure")
        .order_by(STATUS_ORDER, "queued_at", "pk")
    )


def _attendance(registration):
    return {True: "Présent", False: "Absent"}.get(registration.attended, "")


def rows(event):
    for registration in registrations_of(event):
        user = registration.user
        yield (
            user.last_name or user.username,
            user.first_name,
            user.email,
            registration.structure_name(),
            registration.get_status_display(),
            registration.queued_at,
            _attendance(registration),
        )


def csv_response(event):
    return spreadsheets.csv_response(f"inscriptions-{event.pk}", HEADERS, rows(event))


def xlsx_response(event):
    return spreadsheets.xlsx_response(
        f"inscriptions-{event.pk}",
        HEADERS,
        rows(event),
        sheet_title="Inscriptions",
        column_widths=(20, 18, 32, 36, 16, 18, 12),
    )
