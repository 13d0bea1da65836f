"""E-mails to registrants, in French, through Django's e-mail framework."""

from django.urls import reverse
from django.utils import timezone

from network.events.calendars import build_calendar
from workspace import mail

TEMPLATES = "events/emails/"


def _context(event, **extra):
    return {
        "event": event,
        "start": timezone.localtime(event.start),
        "end": timezone.localtime(event.end),
        "event_url": mail.absolute_url(event.get_absolute_url()),
        # The page that asks to confirm the cancellation (after logging in, if need be).
        "cancel_url": mail.absolute_url(reverse("events:cancel", args=[event.pk])),
        **extra,
    }


def _may_see(event, user):
    """A registrant who may no longer see the event (they left the network or its committee, the
    event's audience changed) is told nothing more of it: not its new place nor its link."""
    return type(event).objects.visible_to(user).filter(pk=event.pk).exists()


def _send_to(registration, name, attach_calendar=False, **extra):
    if not registration.user.email or not _may_see(registration.event, registration.user):
        return
    context = _context(registration.event, registration=registration, **extra)
    message = mail.message(TEMPLATES + name, context, [registration.user.email])
    if attach_calendar:
        event = registration.event
        ics = build_calendar([event], event.title, registration_statuses={event.pk: registration.status})
        message.attach("evenement.ics", ics, "text/calendar")
    mail.send([message])


def registration_received(registration):
    _send_to(registration, "registration_received", attach_calendar=registration.status == "confirmee")


def promoted_from_waiting_list(registration):
    _send_to(registration, "promoted", attach_calendar=True)


def reminder(registration):
    _send_to(registration, "reminder")


def _to_registrants(event, name, **extra):
    registrations = event.registrations.exclude(status="annulee").select_related("user")
    recipients = [r.user.email for r in registrations if r.user.email and _may_see(event, r.user)]
    if not recipients:
        return 0
    return mail.send(mail.to_each(TEMPLATES + name, _context(event, **extra), recipients))


def event_changed(event, changed):
    labels = [
        str(event._meta.get_field(name).verbose_name).lower() for name in event.NOTIFIED_FIELDS if name in changed
    ]
    return _to_registrants(event, "event_changed", changed=labels)


def event_cancelled(event):
    return _to_registrants(event, "event_cancelled")
