"""Addresses of the agenda: pages, event pages and actions, calendar files, admin tools.
A committee's event never reaches anyone outside that committee and the coordination."""

from tests.access import (
    ROLES,
    Post,
    committee_only,
    coordination_admin,
    everyone,
    hidden,
    in_space,
    members_only,
    nobody,
    served,
    shown_to,
    snippet_rows,
)

PUBLIC_EVENT = "Forum public Andromède"
MEMBERS_EVENT = "Formation interne Cassiopée"
COPIL_EVENT = "Réunion du copil Hydre"


def _only(roles, ok="200", anonymous="login", others="404"):
    """An event that ``roles`` may see; the others do not learn it exists."""
    if not roles:
        raise ValueError("an event nobody may see is an unknown address: everyone('404')")
    expected = dict.fromkeys(ROLES, others)
    expected["anonymous"] = anonymous
    expected.update(dict.fromkeys(roles, served(ok)))
    return expected


def registration_of(username, event="members_event"):
    """The state of ``username``'s registration to ``event``."""

    def snapshot(objects):
        from network.events.models import Registration

        registrations = Registration.objects.filter(event=objects[event], user__username=username)
        return list(registrations.values_list("status", "cancelled_at"))

    return snapshot


def calendar_token_of(username):
    def snapshot(objects):
        from network.events.models import CALENDAR_PURPOSE
        from workspace.accounts.tokens import SecretToken

        return SecretToken.objects.get(user__username=username, purpose=CALENDAR_PURPOSE).key

    return snapshot


# A POST about an event that committees may not see: they do not learn it exists.
EVENT_POST = in_space("302", committees="404")


MEMBERS = ("promeneur", "coordination")
COPIL = ("pilotage", "coordination")

ROWS = [
    # Public agenda and its calendar
    ("/agenda/", everyone(f"shows:{PUBLIC_EVENT}")),
    ("/agenda/", everyone(f"hides:{MEMBERS_EVENT}")),
    ("/agenda/", everyone(f"hides:{COPIL_EVENT}")),
    ("/agenda.ics", everyone(f"shows:{PUBLIC_EVENT}")),
    ("/agenda.ics", everyone(f"hides:{MEMBERS_EVENT}")),
    ("/agenda.ics", everyone(f"hides:{COPIL_EVENT}")),
    # The site search (issue 15): events by the same rule as the agendas
    ("/recherche/?q=Andromède", everyone(f"shows:{PUBLIC_EVENT}")),
    ("/recherche/?q=Cassiopée", shown_to(MEMBERS, MEMBERS_EVENT)),
    ("/recherche/?q=cassiopee&type=evenements", shown_to(MEMBERS, MEMBERS_EVENT)),
    ("/recherche/?q=Hydre", shown_to(COPIL, COPIL_EVENT)),
    ("/recherche/?q=HYDRE&type=evenements", shown_to(COPIL, COPIL_EVENT)),
    # Members' agenda
    ("/espace/agenda/", members_only(ok=f"shows:{MEMBERS_EVENT}")),
    ("/espace/agenda/", shown_to({"coordination"}, COPIL_EVENT, within=members_only())),
    ("/espace/agenda/mes-inscriptions/", members_only()),
    # Renewing the calendar address renews one's own, never another member's (whatever is posted).
    (
        "/espace/agenda/mes-inscriptions/",
        members_only(),
        Post(
            in_space("302"), calendar_token_of("autre-inscrite"), {"action": "reset-calendar", "user": "{other_user}"}
        ),
    ),
    (
        "/espace/agenda/mes-inscriptions/",
        members_only(),
        Post(in_space("302"), calendar_token_of("promeneur"), {"action": "reset-calendar"}, ("promeneur",)),
    ),
    ("/espace/formations/{training_path}", members_only(ok="shows:Session Cassiopée")),
    # Committee page
    ("/comites/pilotage/", shown_to(set(COPIL), COPIL_EVENT, within=committee_only("pilotage"))),
    ("/comites/financeurs/", hidden(COPIL_EVENT, within=committee_only("financeurs"))),
    ("/comites/technique/", hidden(COPIL_EVENT, within=committee_only("technique"))),
    # Event pages and files
    ("/evenements/{public_event}/", everyone(f"shows:{PUBLIC_EVENT}")),
    ("/evenements/{members_event}/", _only(MEMBERS, ok=f"shows:{MEMBERS_EVENT}")),
    ("/evenements/{copil_event}/", _only(COPIL, ok=f"shows:{COPIL_EVENT}")),
    ("/evenements/{public_event}/evenement.ics", everyone(f"shows:{PUBLIC_EVENT}")),
    # A public session of a members' training: the training's title stays in the space.
    ("/evenements/{public_session}/", shown_to({"promeneur", "coordination"}, "Formation Cassiopée")),
    ("/evenements/{members_event}/evenement.ics", _only(MEMBERS, ok=f"shows:{MEMBERS_EVENT}")),
    ("/evenements/{copil_event}/evenement.ics", _only(COPIL, ok=f"shows:{COPIL_EVENT}")),
    ("/evenements/999999/", everyone("404")),
    # Registration actions act on POST only, for the member who posts: registering works for
    # those who may see the event; cancelling never touches another member's registration. A GET
    # of the cancelling address asks the registered member to confirm; it sends the others back.
    (
        "/evenements/{members_event}/inscription/",
        everyone("405"),
        Post(EVENT_POST, registration_of("promeneur"), {}, ("promeneur",)),
    ),
    (
        "/evenements/{members_event}/annulation/",
        nobody(members="302", committees="404"),
        Post(
            EVENT_POST,
            registration_of("autre-inscrite"),
            {"user": "{other_user}", "registration": "{other_registration}"},
        ),
    ),
    (
        "/evenements/{booked_event}/annulation/",
        {**EVENT_POST, "promeneur": "shows:Confirmer l'annulation"},
        Post(EVENT_POST, registration_of("promeneur", "booked_event"), {}, ("promeneur",)),
    ),
    # Personal calendars: the secret token is the key; the content follows its owner's rights
    ("/calendrier/{promeneur_token}.ics", everyone(f"shows:{MEMBERS_EVENT}")),
    ("/calendrier/{promeneur_token}.ics", everyone(f"hides:{COPIL_EVENT}")),
    ("/calendrier/{copil_token}.ics", everyone(f"hides:{MEMBERS_EVENT}")),
    ("/calendrier/{copil_token}.ics", everyone(f"shows:{COPIL_EVENT}")),
    ("/calendrier/pas-un-jeton-valide.ics", everyone("404")),
    # Coordinator tools
    *snippet_rows("events/event", "{copil_event}"),
    ("/admin/agenda/{members_event}/inscriptions/", coordination_admin()),
    # The coordinator cancels a member's registration (POST only); nobody else reaches it.
    (
        "/admin/agenda/{members_event}/inscriptions/{other_registration}/annuler/",
        coordination_admin("405"),
        Post(coordination_admin("302"), registration_of("autre-inscrite"), {}, ("coordination",)),
    ),
    ("/admin/agenda/{members_event}/inscriptions.csv", coordination_admin()),
    ("/admin/agenda/{members_event}/inscriptions.xlsx", coordination_admin()),
    ("/admin/agenda/{members_event}/emargement/", coordination_admin()),
]


def make_objects():
    from network.events.models import CALENDAR_PURPOSE, TrainingPage
    from tests.factories import EventFactory, RegistrationFactory, UserFactory
    from tests.pages import page_at, publish_child
    from workspace.accounts.tokens import SecretToken

    training = publish_child(
        page_at("/espace/formations/"), TrainingPage(title="Formation Cassiopée", slug="cassiopee")
    )
    public = EventFactory(title=PUBLIC_EVENT, audience="public")
    members = EventFactory(title=MEMBERS_EVENT)
    EventFactory(title="Session Cassiopée", training=training)
    public_session = EventFactory(title="Session ouverte Cassiopée", audience="public", training=training)
    copil = EventFactory(title=COPIL_EVENT, audience="comite", committee="Comité de pilotage", kind="comite")
    # The users of the ``users`` fixture (conftest.py), fetched without touching their password
    # so that their logged-in sessions stay valid.
    promeneur = _user("promeneur", "Promeneurs")
    copil_member = _user("copil", "Comité de pilotage")
    other = UserFactory(username="autre-inscrite", role="promeneur")
    SecretToken.for_user(other, CALENDAR_PURPOSE)
    other_registration = RegistrationFactory(event=members, user=other)
    booked = EventFactory(title="Atelier réservé Lyra")
    RegistrationFactory(event=booked, user=promeneur)
    return {
        "booked_event": booked.pk,
        "other_user": other.pk,
        "other_registration": other_registration.pk,
        "public_event": public.pk,
        "public_session": public_session.pk,
        "members_event": members.pk,
        "copil_event": copil.pk,
        "training_path": "cassiopee/",
        "promeneur_token": SecretToken.for_user(promeneur, CALENDAR_PURPOSE).key,
        "copil_token": SecretToken.for_user(copil_member, CALENDAR_PURPOSE).key,
    }


def _user(username, group_name):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user, _ = get_user_model().objects.get_or_create(username=username)
    user.groups.add(Group.objects.get(name=group_name))
    return user
