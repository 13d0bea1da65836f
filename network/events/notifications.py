"""E-mails to registrants, in French, through Django's e-mail framework."""

from django.conf import settings
from django.core.mail import EmailMessage, send_mass_mail
from django.template.loader import render_to_string
from django.utils import timezone

from network.events.calendars import build_calendar

TEMPLATES = "events/emails/"


def _site_url():
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


def _context(event, **extra):
    return {
        "event": event,
        "start": timezone.localtime(event.start),
        "end": timezone.localtime(event.end),
        "event_url": _site_url() + event.get_absolute_url(),
        **extra,
    }


def _render(name, context):
    subject = " ".join(render_to_string(f"{TEMPLATES}{name}_subject.txt", context).split())
    body = render_to_string(f"{TEMPLATES}{name}.txt", context)
    return subject, body


def _send_to(registration, name, attach_calendar=False, **extra):
    if not registration.user.email:
        return
    subject, body = _render(name, _context(registration.event, registration=registration, **extra))
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.user.email])
    if attach_calendar:
        ics = build_calendar([registration.event], registration.event.title)
        message.attach("evenement.ics", ics, "text/calendar")
    message.send()


def registration_received(registration):
    _send_to(registration, "registration_received", attach_calendar=registration.status == "confirmee")


def promoted_from_waiting_list(registration):
    _send_to(registration, "promoted", attach_calendar=True)


def reminder(registration):
    _send_to(registration, "reminder")


def _to_registrants(event, name, **extra):
    registrations = event.registrations.exclude(status="annulee").select_related("user")
    recipients = [r.user.email for r in registrations if r.user.email]
    if not recipients:
        return 0
    subject, body = _render(name, _context(event, **extra))
    # One message per registrant: nobody sees the others' addresses.
    return send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [email]) for email in recipients])


def event_changed(event, changed):
    labels = [
        str(event._meta.get_field(name).verbose_name).lower() for name in event.NOTIFIED_FIELDS if name in changed
    ]
    return _to_registrants(event, "event_changed", changed=labels)


def event_cancelled(event):
    return _to_registrants(event, "event_cancelled")
