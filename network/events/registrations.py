"""Registering to events: the rules, and capacity held by a row lock on the event.

Every change of a registration happens in a transaction that first locks the
event's row (SELECT … FOR UPDATE): concurrent registrations to the same event are
serialised by PostgreSQL, so the count of confirmed places read inside the
transaction is exact and the capacity is never exceeded. The unique constraint
(event, user) keeps one registration per member.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from network.events import notifications as notifications
from network.events.models.events import Event, Registration
from workspace.display import french_date


class RegistrationError(Exception):
    """A registration refused, with the French message shown to the member."""


def _locked_event(event_id):
    return Event.objects.select_for_update().get(pk=event_id)


def _confirmed_count(event):
    return event.registrations.filter(status=Registration.Status.CONFIRMED).count()


def check_can_register(event, user, now=None):
    now = now or timezone.now()
    if not user.is_authenticated:
        raise RegistrationError("Connectez-vous pour vous inscrire.")
    if not Event.objects.visible_to(user).filter(pk=event.pk).exists():
        raise RegistrationError("Cet événement n'est pas ouvert à votre profil : l'inscription est impossible.")
    if event.is_cancelled:
        raise RegistrationError("Cet événement est annulé : les inscriptions sont fermées.")
    if event.start <= now:
        raise RegistrationError("Cet événement a déjà eu lieu ou a commencé : l'inscription n'est plus possible.")
    if not event.registration_open:
        raise RegistrationError("Les inscriptions à cet événement sont fermées.")
    if event.registration_deadline and event.registration_deadline <= now:
        raise RegistrationError(
            f"La date limite d'inscription est dépassée ({french_date(event.registration_deadline, 'l j F Y à H:i')})."
        )


def register(event, user):
    """Register ``user``: a confirmed place if one is left, else the waiting list."""
    try:
        with transaction.atomic():
            event = _locked_event(event.pk)
            check_can_register(event, user)
            registration = Registration.objects.filter(event=event, user=user).first()
            if registration and registration.is_active:
                raise RegistrationError("Vous êtes déjà inscrit·e à cet événement.")
            full = event.capacity is not None and _confirmed_count(event) >= event.capacity
            status = Registration.Status.WAITING if full else Registration.Status.CONFIRMED
            if registration is None:
                registration = Registration(event=event, user=user)
            registration.status = status
            registration.queued_at = timezone.now()
            registration.cancelled_at = None
            registration.reminder_sent_at = None
            registration.save()
            transaction.on_commit(lambda: notifications.registration_received(registration))
    except IntegrityError as error:  # the same member twice at the same instant
        raise RegistrationError("Vous êtes déjà inscrit·e à cet événement.") from error
    return registration


def cancellable_registration(event, user):
    """``user``'s registration (confirmed or waiting) that they may still cancel, or a RegistrationError."""
    registration = (
        Registration.objects.filter(event=event, user=user).exclude(status=Registration.Status.CANCELLED).first()
    )
    if registration is None:
        raise RegistrationError("Vous n'êtes pas inscrit·e à cet événement.")
    if event.has_started:
        raise RegistrationError("Cet événement a déjà commencé : l'inscription ne peut plus être annulée.")
    return registration


def cancel(event, user):
    """Cancel ``user``'s registration; a freed place goes to the first on the waiting list."""
    with transaction.atomic():
        event = _locked_event(event.pk)
        registration = cancellable_registration(event, user)
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promote_waiting_list(event)
    return registration


def release_places_of(user):
    """A closed account (a promeneur who left, anonymised or deactivated) holds no place at the
    events to come: each goes to the waiting list. Past registrations stay, with their attendance."""
    now = timezone.now()
    active = Registration.objects.filter(user=user, event__start__gt=now).exclude(status=Registration.Status.CANCELLED)
    for event_id in active.values_list("event_id", flat=True):
        with transaction.atomic():
            event = _locked_event(event_id)
            Registration.objects.filter(event=event, user=user).update(
                status=Registration.Status.CANCELLED, cancelled_at=now
            )
            promote_waiting_list(event)


def after_user_saved(sender, instance, raw=False, **kwargs):
    """User's post_save, connected in apps.py: a deactivated account gives up its places."""
    if not raw and not instance.is_active:
        release_places_of(instance)


def promote_waiting_list(event):
    """Give free places to the waiting list, first come first served (inside a locked transaction)."""
    if event.is_cancelled or event.is_past:
        return []
    waiting = event.registrations.filter(status=Registration.Status.WAITING).order_by("queued_at", "pk")
    if event.capacity is not None:
        free = event.capacity - _confirmed_count(event)
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting.select_related("user", "event"))
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.save(update_fields=["status"])
        transaction.on_commit(lambda r=registration: notifications.promoted_from_waiting_list(r))
    return promoted


def after_event_saved(sender, instance, raw=False, **kwargs):
    """Tell the registrants when the coordinator changes or cancels an event; give new places
    (Event's post_save, connected in apps.py)."""
    if raw:
        return
    event, changed = instance, getattr(instance, "changed_on_save", set())
    if "is_cancelled" in changed and event.is_cancelled:
        transaction.on_commit(lambda: notifications.event_cancelled(event))
    elif changed & set(Event.NOTIFIED_FIELDS):
        transaction.on_commit(lambda: notifications.event_changed(event, changed))
    if "capacity" in changed and not event.is_cancelled:
        with transaction.atomic():
            promote_waiting_list(_locked_event(event.pk))


# What the attendance select of the registrations screen sends: present, absent, not known yet.
ATTENDANCE_ANSWERS = {"1": True, "0": False, "": None}


def mark_attendance(event, answer_of):
    """Record who came to ``event``: ``answer_of(registration)`` is "1", "0", "" or None (not
    answered) for each confirmed registration; returns (how many changed, how many answers were
    none of these)."""
    changed = refused = 0
    for registration in event.registrations.filter(status=Registration.Status.CONFIRMED):
        answer = answer_of(registration)
        if answer is None:
            continue
        if answer not in ATTENDANCE_ANSWERS:
            refused += 1
        elif ATTENDANCE_ANSWERS[answer] != registration.attended:
            registration.attended = ATTENDANCE_ANSWERS[answer]
            registration.save(update_fields=["attended"])
            changed += 1
    return changed, refused
