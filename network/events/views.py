"""Event pages, registration actions and calendar files. Every one of them asks
``Event.objects.visible_to(user)`` who may see an event."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from wagtail import hooks

from network.events import registrations
from network.events.calendars import build_calendar
from network.events.models import CALENDAR_PURPOSE, Event, Registration
from workspace.accounts.access import may_see_page
from workspace.accounts.tokens import SecretToken
from workspace.security.next_url import next_path

CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _visible_event(request, pk, queryset=None):
    """The event if the visitor may see it; anonymous visitors are sent to log in, others get a 404."""
    queryset = queryset if queryset is not None else Event.objects.all()
    event = queryset.visible_to(request.user).filter(pk=pk).first()
    if event is None:
        if not request.user.is_authenticated and Event.objects.filter(pk=pk).exists():
            raise _LoginRequired
        raise Http404("Événement introuvable.")
    return event


class _LoginRequired(Exception):
    pass


def _with_login(view):
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@_with_login
def event_detail(request, pk):
    event = _visible_event(request, pk, Event.objects.with_counts().with_status_of(request.user))
    context = {
        "event": event,
        "places_left": event.places_left(event.confirmed_count),
        "training": _shown_training(request.user, event),
        # What other apps show on an event page (the exchanges a practice session discussed).
        "sections": [section for hook in hooks.get_hooks("event_page_sections") if (section := hook(request, event))],
    }
    return render(request, "events/event_detail.html", context)


def _shown_training(user, event):
    """The event's training page, if ``user`` may open it: it is in the members' space, and a
    public or a committee's session must not give its title away."""
    training = event.training
    return training if training is not None and training.live and may_see_page(user, training) else None


def _back(request, event):
    return redirect(next_path(request, event.get_absolute_url()))


@require_POST
@_with_login
def register(request, pk):
    event = _visible_event(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(event.get_absolute_url())
    try:
        registration = registrations.register(event, request.user)
    except registrations.RegistrationError as error:
        messages.error(request, str(error))
    else:
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(
                request, f"Votre inscription à « {event.title} » est confirmée. Un e-mail vous a été envoyé."
            )
        else:
            messages.warning(
                request,
                f"« {event.title} » est complet : vous êtes sur la liste d'attente. "
                "Vous serez prévenu·e par e-mail si une place se libère.",
            )
    return _back(request, event)


@require_http_methods(["GET", "POST"])
@_with_login
def cancel(request, pk):
    """GET asks the member to confirm: a mis-tap on a phone would give their place to the waiting
    list for good. POST cancels."""
    event = _visible_event(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        if request.method == "GET":
            registration = registrations.cancellable_registration(event, request.user)
            back = next_path(request, event.get_absolute_url())
            context = {"event": event, "registration": registration, "back": back}
            return render(request, "events/cancel_registration.html", context)
        registrations.cancel(event, request.user)
    except registrations.RegistrationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Votre inscription à « {event.title} » est annulée.")
    return _back(request, event)


def _calendar_response(content, filename):
    response = HttpResponse(content, content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@_with_login
def event_ics(request, pk):
    event = _visible_event(request, pk)
    return _calendar_response(build_calendar([event], event.title), f"evenement-{event.pk}.ics")


def public_ics(request):
    events = Event.objects.public().upcoming()
    response = _calendar_response(build_calendar(events, "Promeneurs du Net 66 – agenda public"), "agenda.ics")
    response["Cache-Control"] = "public, max-age=900"
    return response


def personal_ics(request, token):
    """A member's secret calendar: the members' events they may see and their own registrations."""
    user = SecretToken.user_for(token, CALENDAR_PURPOSE)
    if user is None:
        raise Http404("Calendrier introuvable.")
    mine = dict(
        Registration.objects.filter(user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .values_list("event_id", "status")
    )
    events = Event.objects.visible_to(user).upcoming().filter(~Q(audience=Event.Audience.PUBLIC) | Q(pk__in=list(mine)))
    return _calendar_response(
        build_calendar(events, "Promeneurs du Net 66 – mon agenda", registration_statuses=mine), "mon-agenda.ics"
    )
