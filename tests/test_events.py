"""Events and registrations: who sees what, the registration rules and their French
messages, the waiting list, the e-mails, the reminder command and the event form."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from network.events import registrations
from network.events.management.commands import send_event_reminders as reminders
from network.events.models import Event, Registration
from tests.factories import EventFactory, RegistrationFactory, UserFactory, _in_days

pytestmark = pytest.mark.django_db

COPIL = "Comité de pilotage"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs what waits for the commit (the e-mails) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def events():
    return {
        "public": EventFactory(title="Forum public Orion", audience="public"),
        "members": EventFactory(title="Formation membres Vega"),
        "copil": EventFactory(title="Réunion copil Sirius", audience="comite", committee=COPIL, kind="comite"),
        "technique": EventFactory(
            title="Réunion technique Rigel", audience="comite", committee="Comité technique", kind="comite"
        ),
    }


def visible_titles(user):
    return set(Event.objects.visible_to(user).values_list("title", flat=True))


def test_one_rule_decides_who_sees_which_event(users, events):
    public, members, copil, technique = (e.title for e in events.values())
    assert visible_titles(AnonymousUser()) == {public}
    assert visible_titles(users["promeneur"]) == {public, members}
    assert visible_titles(users["pilotage"]) == {public, copil}
    assert visible_titles(users["technique"]) == {public, technique}
    assert visible_titles(users["financeurs"]) == {public}
    assert visible_titles(users["coordination"]) == {public, members, copil, technique}


# Validation of the event itself


def test_an_event_ending_before_it_starts_is_refused_in_french():
    event = EventFactory.build(start=_in_days(3, 14), end=_in_days(3, 10))
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["end"] == ["La fin de l'événement doit être postérieure à son début."]


def test_the_database_refuses_an_event_ending_before_it_starts_too():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(start=_in_days(3, 14), end=_in_days(3, 10))


def test_a_committee_event_needs_its_committee():
    event = EventFactory.build(audience="comite", committee="")
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "Choisissez le comité" in error.value.message_dict["committee"][0]


def test_the_admin_form_shows_the_french_error_and_keeps_what_was_typed(client_as):
    client = client_as("coordination")
    response = client.post(
        "/admin/snippets/events/event/add/",
        {
            "title": "Formation à rebours",
            "kind": "formation",
            "start": "2030-05-10 14:00",
            "end": "2030-05-10 10:00",
            "audience": "membres",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "La fin de l&#x27;événement doit être postérieure à son début." in body
    assert 'value="Formation à rebours"' in body
    assert not Event.objects.filter(title="Formation à rebours").exists()


# Registration rules


def test_a_member_registers_gets_a_french_confirmation_with_the_event_attached(users, committed):
    event = EventFactory(title="Posture du promeneur", capacity=5)
    with committed():
        registration = registrations.register(event, users["promeneur"])
    assert registration.status == Registration.Status.CONFIRMED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Inscription confirmée : Posture du promeneur"
    assert "Votre inscription est confirmée" in message.body
    assert message.attachments[0][0] == "evenement.ics"


def test_a_passed_deadline_is_written_as_on_the_event_page(users):
    """« (samedi 14 mars 2026 à 9h30) », as « Inscription jusqu'au » on the page, not « 14/03/2026 à 09:30 »."""
    deadline = timezone.make_aware(datetime.datetime(2026, 3, 14, 9, 30))
    event = EventFactory(registration_deadline=deadline, start=timezone.now() + datetime.timedelta(days=7))
    with pytest.raises(registrations.RegistrationError) as error:
        registrations.register(event, users["promeneur"])
    assert str(error.value) == "La date limite d'inscription est dépassée (samedi 14 mars 2026 à 9h30)."


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"registration_deadline": "past"}, "La date limite d'inscription est dépassée"),
        ({"registration_open": False}, "Les inscriptions à cet événement sont fermées."),
        ({"is_cancelled": True}, "Cet événement est annulé"),
        ({"start": "past"}, "Cet événement a déjà eu lieu"),
        ({"audience": "comite", "committee": COPIL}, "Cet événement n'est pas ouvert à votre profil"),
    ],
)
def test_refused_registrations_give_a_french_message_and_change_nothing(users, change, message):
    now = timezone.now()
    fields = {}
    for name, value in change.items():
        fields[name] = now - datetime.timedelta(hours=1) if value == "past" else value
    if fields.get("start"):
        fields["end"] = fields["start"] + datetime.timedelta(hours=2)
    event = EventFactory(**fields)
    with pytest.raises(registrations.RegistrationError) as error:
        registrations.register(event, users["promeneur"])
    assert message in str(error.value)
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_registering_twice_is_refused(users):
    event = EventFactory()
    registrations.register(event, users["promeneur"])
    with pytest.raises(registrations.RegistrationError, match="déjà inscrit·e"):
        registrations.register(event, users["promeneur"])
    assert event.registrations.count() == 1


def test_the_database_keeps_one_registration_per_member_and_event(users):
    registration = RegistrationFactory(user=users["promeneur"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=registration.event, user=users["promeneur"])


def test_a_full_event_puts_members_on_the_waiting_list_and_a_cancellation_promotes_the_first(users, committed):
    event = EventFactory(capacity=1)
    first, second, third = (UserFactory(role="promeneur") for _ in range(3))
    with committed():
        registrations.register(event, first)
        assert registrations.register(event, second).status == Registration.Status.WAITING
        assert registrations.register(event, third).status == Registration.Status.WAITING
    assert "liste d'attente" in mail.outbox[1].body
    mail.outbox.clear()

    with committed():
        registrations.cancel(event, first)

    statuses = dict(event.registrations.values_list("user", "status"))
    assert statuses == {first.pk: "annulee", second.pk: "confirmee", third.pk: "attente"}
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert "vous quittez la liste d'attente" in mail.outbox[0].body


def test_a_cancelled_member_can_register_again_at_the_end_of_the_queue(users):
    event = EventFactory(capacity=1)
    other = UserFactory(role="promeneur")
    registrations.register(event, users["promeneur"])
    registrations.cancel(event, users["promeneur"])
    registrations.register(event, other)
    again = registrations.register(event, users["promeneur"])
    assert again.status == Registration.Status.WAITING
    assert event.registrations.count() == 2


def test_more_places_promote_the_waiting_list(users):
    event = EventFactory(capacity=1)
    registrations.register(event, UserFactory(role="promeneur"))
    waiting = registrations.register(event, users["promeneur"])
    event.capacity = 2
    event.save()
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED


def test_cancelling_without_a_registration_is_refused(users):
    with pytest.raises(registrations.RegistrationError, match="pas inscrit·e"):
        registrations.cancel(EventFactory(), users["promeneur"])


# The registration views


def test_registering_from_the_event_page_then_cancelling(client_as, users):
    event = EventFactory(title="Repérer le mal-être en ligne", capacity=10)
    client = client_as("promeneur")
    response = client.post(f"/evenements/{event.pk}/inscription/", follow=True)
    assert "est confirmée" in response.content.decode()
    assert event.registrations.get().status == "confirmee"
    page = client.get(f"/evenements/{event.pk}/").content.decode()
    assert "Vous êtes inscrit·e." in page and "Annuler mon inscription" in page
    # « Annuler » asks first: a mis-tap on a phone would give the place away for good.
    cancel_url = f"/evenements/{event.pk}/annulation/?next=/espace/agenda/mes-inscriptions/"
    assert f'href="/evenements/{event.pk}/annulation/?next=/evenements/{event.pk}/"' in page.replace("%2F", "/")
    confirm = client.get(cancel_url).content.decode()
    assert "Confirmer l&#x27;annulation" in confirm or "Confirmer l'annulation" in confirm
    assert "vous libérez votre place" in confirm
    assert 'href="/espace/agenda/mes-inscriptions/">Garder mon inscription' in confirm
    assert event.registrations.get().status == "confirmee"
    response = client.post(cancel_url, {"next": "/espace/agenda/mes-inscriptions/"}, follow=True)
    assert "est annulée" in response.content.decode()
    assert response.redirect_chain[-1][0] == "/espace/agenda/mes-inscriptions/"
    assert event.registrations.get().status == "annulee"
    # Once cancelled, the address sends the member back with a French message, nothing changed.
    again = client.get(cancel_url, follow=True)
    assert "Vous n&#x27;êtes pas inscrit·e à cet événement." in again.content.decode()


def test_a_member_on_the_waiting_list_is_told_they_leave_it(client_as, users):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, user=UserFactory(role="promeneur"))
    client = client_as("promeneur")
    client.post(f"/evenements/{event.pk}/inscription/")
    assert event.registrations.get(user=users["promeneur"]).status == "attente"
    confirm = client.get(f"/evenements/{event.pk}/annulation/").content.decode()
    assert "vous quittez la liste d&#x27;attente" in confirm or "vous quittez la liste d'attente" in confirm


def test_a_refused_registration_shows_its_french_message_on_the_page(client_as):
    event = EventFactory(registration_open=False)
    response = client_as("promeneur").post(f"/evenements/{event.pk}/inscription/", follow=True)
    assert "Les inscriptions à cet événement sont fermées." in response.content.decode()
    assert not event.registrations.exists()


def test_registering_to_an_event_of_another_audience_is_a_404_and_changes_nothing(client_as):
    event = EventFactory(audience="comite", committee=COPIL)
    assert client_as("promeneur").post(f"/evenements/{event.pk}/inscription/").status_code == 404
    assert client_as("financeurs").post(f"/evenements/{event.pk}/inscription/").status_code == 404
    assert not event.registrations.exists()


def test_an_anonymous_visitor_is_sent_to_log_in_to_register(client_as):
    event = EventFactory(audience="public")
    response = client_as("anonymous").post(f"/evenements/{event.pk}/inscription/")
    assert response["Location"] == f"/connexion/?next=/evenements/{event.pk}/"
    assert not event.registrations.exists()


def test_a_member_registers_in_one_click_from_the_agenda(client_as):
    event = EventFactory(title="Temps d'échange Véga")
    client = client_as("promeneur")
    assert f"/evenements/{event.pk}/inscription/" in client.get("/espace/agenda/").content.decode()
    response = client.post(f"/evenements/{event.pk}/inscription/", {"next": "/espace/agenda/"})
    assert response["Location"] == "/espace/agenda/"
    assert event.registrations.get().status == "confirmee"


def test_registration_only_accepts_post(client_as):
    event = EventFactory()
    assert client_as("promeneur").get(f"/evenements/{event.pk}/inscription/").status_code == 405


def test_the_next_address_must_be_on_this_site(client_as):
    event = EventFactory()
    response = client_as("promeneur").post(
        f"/evenements/{event.pk}/inscription/", {"next": "https://evil.example.com/"}
    )
    assert response["Location"] == f"/evenements/{event.pk}/"


@pytest.mark.parametrize("target", ["agenda", "-1", "espace agenda"])
def test_a_next_address_that_is_not_a_path_goes_back_to_the_event(client_as, target):
    event = EventFactory()
    response = client_as("promeneur").post(f"/evenements/{event.pk}/inscription/", {"next": target})
    assert response.status_code == 302 and response["Location"] == f"/evenements/{event.pk}/"


def test_a_member_sees_their_registrations_in_the_space(client_as, users):
    mine = RegistrationFactory(user=users["promeneur"], event__title="Analyse de pratiques Lyra").event
    RegistrationFactory(event__title="Inscription d'un autre Deneb")
    RegistrationFactory(user=users["promeneur"], event__title="Annulée Altair", status="annulee")
    body = client_as("promeneur").get("/espace/agenda/mes-inscriptions/").content.decode()
    assert mine.title in body
    assert "Deneb" not in body and "Altair" not in body


def test_a_committee_sees_its_meetings_on_its_page(client_as, events):
    body = client_as("pilotage").get("/comites/pilotage/").content.decode()
    assert "Réunion copil Sirius" in body and "Rigel" not in body


# Notices and reminders


def test_registrants_are_told_when_the_event_changes_or_is_cancelled(users, committed):
    event = EventFactory(title="Rencontre départementale")
    RegistrationFactory(event=event, user=users["promeneur"])
    RegistrationFactory(event=event, status="annulee")
    with committed():  # e-mails leave once the change is committed
        event = Event.objects.get(pk=event.pk)
        event.place = "Salle des fêtes de Prades"
        event.save()
    assert [m.to for m in mail.outbox] == [[users["promeneur"].email]]
    assert mail.outbox[0].subject == "Modification : Rencontre départementale"
    assert "lieu" in mail.outbox[0].body and "Salle des fêtes de Prades" in mail.outbox[0].body

    mail.outbox.clear()
    with committed():
        event = Event.objects.get(pk=event.pk)
        event.is_cancelled = True
        event.save()
    assert [m.subject for m in mail.outbox] == ["Annulation : Rencontre départementale"]


def test_a_registrant_who_may_no_longer_see_the_event_is_told_nothing_more_of_it(users, committed):
    """A former member (account kept, out of the Promeneurs) or an event moved to a committee:
    neither its new place nor its reminder reaches someone who may not see it."""
    event = EventFactory(title="Demain Deneb", start=_in_days(1, 9), end=_in_days(1, 12))
    former = UserFactory(username="ancienne", role="promeneur")
    for user in (users["promeneur"], former):
        RegistrationFactory(event=event, user=user)
    former.groups.clear()
    with committed():
        event = Event.objects.get(pk=event.pk)
        event.place = "Salle secrète Deneb"
        event.save()
    assert [m.to for m in mail.outbox] == [[users["promeneur"].email]]
    mail.outbox.clear()
    Event.objects.filter(pk=event.pk).update(audience="comite", committee=COPIL)
    with committed():
        event = Event.objects.get(pk=event.pk)
        event.place = "Autre salle Deneb"
        event.save()
    call_command("send_event_reminders")
    assert mail.outbox == []


def test_saving_an_event_unchanged_sends_nothing(users, committed):
    event = EventFactory()
    RegistrationFactory(event=event, user=users["promeneur"])
    with committed():
        Event.objects.get(pk=event.pk).save()
    assert mail.outbox == []


def test_the_reminder_command_writes_once_to_tomorrows_confirmed_registrants(users):
    tomorrow = EventFactory(title="Demain Capella", start=_in_days(1, 9), end=_in_days(1, 12))
    later = EventFactory(title="Plus tard", start=_in_days(3, 9), end=_in_days(3, 12))
    RegistrationFactory(event=tomorrow, user=users["promeneur"])
    RegistrationFactory(event=tomorrow, status="attente")
    RegistrationFactory(event=tomorrow, status="annulee")
    RegistrationFactory(event=later)
    call_command("send_event_reminders")
    assert [(m.to, m.subject) for m in mail.outbox] == [([users["promeneur"].email], "Rappel : Demain Capella demain")]
    call_command("send_event_reminders")
    assert len(mail.outbox) == 1


def test_the_eve_of_the_october_clock_change_reminds_the_events_of_its_25th_hour(users):
    # Sunday 25 October 2026 lasts 25 hours: an event at 23:30 is still tomorrow on Saturday.
    paris = timezone.get_current_timezone()
    late = EventFactory(
        start=datetime.datetime(2026, 10, 25, 23, 30, tzinfo=paris),
        end=datetime.datetime(2026, 10, 26, 0, 30, tzinfo=paris),
    )
    registration = RegistrationFactory(event=late, user=users["promeneur"])
    assert list(reminders.registrations_to_remind(datetime.date(2026, 10, 24))) == [registration]
    assert list(reminders.registrations_to_remind(datetime.date(2026, 10, 25))) == []


def test_two_reminder_runs_at_once_write_once(users, monkeypatch):
    event = EventFactory(start=_in_days(1, 9), end=_in_days(1, 12))
    RegistrationFactory(event=event, user=users["promeneur"])
    # The second server listed the registrations before the first one had recorded its reminder.
    listed_by_the_second = list(reminders.registrations_to_remind())
    call_command("send_event_reminders")
    monkeypatch.setattr(reminders, "registrations_to_remind", lambda *args: listed_by_the_second)
    call_command("send_event_reminders")
    assert len(mail.outbox) == 1


def test_coordinator_creates_then_moves_an_event_in_the_admin_and_registrants_are_told(client_as, users, committed):
    client = client_as("coordination")
    form = {
        "title": "Rencontre départementale d'automne",
        "kind": "rencontre",
        "start": "2031-10-14 09:30",
        "end": "2031-10-14 16:30",
        "place": "Perpignan",
        "audience": "membres",
        "capacity": "60",
        "registration_open": "on",
    }
    response = client.post("/admin/snippets/events/event/add/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = Event.objects.get(title="Rencontre départementale d'automne")
    assert timezone.localtime(event.start).hour == 9
    RegistrationFactory(event=event, user=users["promeneur"])

    with committed():
        response = client.post(f"/admin/snippets/events/event/edit/{event.pk}/", {**form, "place": "Prades"})
    assert response.status_code == 302
    assert [m.subject for m in mail.outbox] == ["Modification : Rencontre départementale d'automne"]
    assert "Prades" in mail.outbox[0].body


def test_a_promeneur_who_leaves_gives_up_their_places_to_come(django_capture_on_commit_callbacks):
    """Anonymised (or their account deactivated), a former promeneur no longer holds a seat at a
    training to come: the place goes to the waiting list; their past attendance stays as it was."""
    from network.directory.privacy import anonymise_promeneur
    from tests.factories import PromeneurFactory, UserFactory

    leaving = UserFactory(username="zoe", role="promeneur")
    promeneur = PromeneurFactory(user=leaving)
    waiting = UserFactory(username="karim", role="promeneur", email="karim@example.org")
    training = EventFactory(capacity=1, title="Posture du promeneur")
    past = EventFactory(start=timezone.now() - datetime.timedelta(days=30))
    Registration.objects.create(event=past, user=leaving, status="confirmee", attended=True)
    seat = Registration.objects.create(event=training, user=leaving, status="confirmee")
    queued = Registration.objects.create(event=training, user=waiting, status="attente")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        anonymise_promeneur(promeneur)

    seat.refresh_from_db()
    queued.refresh_from_db()
    assert seat.status == "annulee" and seat.cancelled_at is not None
    assert queued.status == "confirmee"
    assert [m.to for m in mail.outbox] == [["karim@example.org"]]
    assert Registration.objects.get(event=past, user=leaving).status == "confirmee"
