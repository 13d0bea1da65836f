"""The members' home (/espace/): what waits for me, what is new since my last visit, where the
network is talking; personal items never shown to anyone else, a bounded cost at any size."""

import datetime
import io
import pickle
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import PageViewRestriction

from home.scale import ScaleFiller
from network.activity.models.grids import of_month, previous_month
from network.directory.models import Promeneur
from network.events.models import Event, Registration
from resources.exchanges.models import Discussion, Message
from resources.library.models import ResourcePage
from tests.factories import (
    ActivityGridFactory,
    DiscussionFactory,
    EventFactory,
    MessageFactory,
    PromeneurFactory,
    RegistrationFactory,
    UserFactory,
    news_page,
    resource_page,
)
from workspace.accounts import roles
from workspace.accounts.visits import SESSION_KEY, VISIT_GAP, MemberVisit, last_visit
from workspace.pages.member_home import SHARED_SECONDS

pytestmark = pytest.mark.django_db


def place(response, name):
    """The HTML of one place of the home ("pour-moi", "nouveau", "reseau"), "" when not shown."""
    body = response.content.decode()
    start = body.find(f'id="place-{name}"')
    if start == -1:
        return ""
    return body[start : body.index("</section>", start)]


def restrict_to_coordination(page):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=roles.COORDINATION)])


def reply(discussion, author, body="Voici comment je ferais."):
    message = MessageFactory(discussion=discussion, author=author, body=body)
    discussion.touch(message)
    return message


@pytest.fixture
def busy_member(users):
    """Lucie: her grid of last month is due, a colleague answered her question, she is registered
    to a training next week (and waiting for another one), and new resources are published."""
    lucie = users["promeneur"]
    colleague = UserFactory(username="karim", first_name="Karim", last_name="Benali", role="promeneur")
    question = DiscussionFactory(author=lucie, title="Comment répondre à un message inquiétant ?")
    reply(question, colleague)
    training = EventFactory(title="Formation : la modération des groupes", capacity=1, place="Maison de la Caf")
    RegistrationFactory(user=lucie, event=training)
    full = EventFactory(title="Analyse de pratiques de décembre", capacity=1)
    RegistrationFactory(event=full, user=colleague)
    RegistrationFactory(event=full, user=UserFactory(role="promeneur"), status=Registration.Status.WAITING)
    RegistrationFactory(event=full, user=lucie, status=Registration.Status.WAITING)
    resource_page("Fiche : signaler un contenu", intro="Les étapes pour signaler sur chaque réseau.")
    resource_page("Guide du premier contact en ligne", intro="Se présenter à un jeune.")
    EventFactory(title="Journée des promeneurs", capacity=40)
    return {"lucie": lucie, "colleague": colleague, "question": question, "training": training, "full": full}


# What a member sees


def test_a_busy_promeneur_sees_each_of_her_items_once(client_as, busy_member):
    response = client_as("promeneur").get("/espace/")
    assert response.status_code == 200
    for_me = place(response, "pour-moi")
    month = of_month(previous_month())
    assert for_me.count(escape(f"Remplir ma grille {month}")) == 1
    assert 'href="/espace/mon-activite/nouvelle/"' in for_me
    assert for_me.count("Comment répondre à un message inquiétant ?") == 1
    assert "Dernière réponse de Karim Benali" in for_me
    training = busy_member["training"]
    assert for_me.count("Formation : la modération des groupes") == 1
    assert f'href="/evenements/{training.pk}/evenement.ics"' in for_me
    assert "Maison de la Caf" in for_me
    assert "Liste d&#x27;attente : 2e position" in for_me
    assert "Il manque une photo" in for_me

    new = place(response, "nouveau")
    body = response.content.decode()
    for title in ("Fiche : signaler un contenu", "Guide du premier contact en ligne"):
        assert new.count(title) == 1 and body.count(title) == 1
    assert "Les étapes pour signaler sur chaque réseau." in new
    assert "Ressources" in new and "nouveau</span>" in new
    # Her own question and registrations are not repeated as news or as network talk.
    network = place(response, "reseau")
    assert "Journée des promeneurs" in network and "40 places restantes" in network
    assert "Comment répondre" not in new + network and "Formation : la modération" not in network


def test_the_for_me_place_comes_first_and_the_sections_stay_reachable(client_as, busy_member):
    body = client_as("promeneur").get("/espace/").content.decode()
    assert body.index('id="place-pour-moi"') < body.index('id="place-nouveau"') < body.index('id="place-reseau"')
    assert body.index('id="place-reseau"') < body.index('id="sections-title"')
    for address in ("/espace/ressources/", "/espace/echanges/", "/espace/mon-activite/", "/espace/agenda/"):
        assert f'href="{address}"' in body


def test_another_promeneur_sees_none_of_the_first_ones_items(client, client_as, busy_member):
    client_as("promeneur").get("/espace/")  # fills the shared cache first
    PromeneurFactory(
        user=busy_member["colleague"],
        job_title="Animateur",
        presentation="Je suis là.",
        hours_online="lundi",
        phone="0600000000",
    )
    client.force_login(busy_member["colleague"])
    response = client.get("/espace/")
    for_me = place(response, "pour-moi")
    body = response.content.decode()
    assert "Comment répondre à un message inquiétant ?" not in for_me
    assert "Formation : la modération des groupes" not in body
    assert "Liste d&#x27;attente : 2e position" not in body
    assert "Lucie" not in body
    # Karim's own waiting-list place is his, not Lucie's: he is confirmed on that event.
    assert "Analyse de pratiques de décembre" in for_me and "Inscription confirmée" in for_me


def test_personal_items_are_never_kept_in_the_shared_cache(client_as, busy_member):
    client_as("promeneur").get("/espace/")
    # The local-memory cache of the tests keeps every value pickled: what the shared cache holds.
    kept = b"".join(value if isinstance(value, bytes) else pickle.dumps(value) for value in cache._cache.values())
    for personal in ("Remplir ma grille", "Formation : la modération des groupes", "Liste d'attente", "Il manque"):
        assert personal.encode() not in kept, personal


def test_the_grid_due_is_the_first_thing_on_the_home_and_its_link_opens_the_form_for_that_month(client_as, users):
    """Issue 15: the "due" banner of the space's home names the month and leads straight to its grid."""
    client = client_as("promeneur")
    response = client.get("/espace/")
    body = response.content.decode()
    main = body[body.index("<main") :]
    assert main[main.index("<h2") :].startswith('<h2 id="place-pour-moi">')  # the first section of the page
    for_me = place(response, "pour-moi")
    month = previous_month()
    first_link = re.search(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', for_me)
    assert first_link.group(2) == escape(f"Remplir ma grille {of_month(month)}")
    form = client.get(first_link.group(1)).content.decode()
    assert f'name="month" value="{month:%Y-%m}"' in form


def test_a_grid_received_says_thank_you(client_as, users):
    ActivityGridFactory(promeneur=Promeneur.objects.get(user=users["promeneur"]), submitted_at=timezone.now())
    for_me = place(client_as("promeneur").get("/espace/"), "pour-moi")
    assert escape(f"Grille {of_month(previous_month())} reçue, merci !") in for_me
    assert "Remplir ma grille" not in for_me


def test_a_draft_grid_links_to_its_form(client_as, users):
    grid = ActivityGridFactory(promeneur=Promeneur.objects.get(user=users["promeneur"]), status="brouillon")
    for_me = place(client_as("promeneur").get("/espace/"), "pour-moi")
    assert f'href="/espace/mon-activite/grilles/{grid.pk}/modifier/"' in for_me
    assert "Terminer ma grille" in for_me


def test_a_promeneur_who_joined_this_month_owes_no_grid_yet(client_as, users):
    Promeneur.objects.filter(user=users["promeneur"]).update(entry_date=timezone.localdate().replace(day=1))
    assert "grille" not in place(client_as("promeneur").get("/espace/"), "pour-moi")


def test_the_network_is_talking_puts_unanswered_questions_first_and_events_with_places(client_as, users):
    colleague = UserFactory(role="promeneur")
    answered = DiscussionFactory(author=colleague, title="Question réglée")
    answer = reply(answered, users["coordination"])
    Discussion.objects.filter(pk=answered.pk).update(answer=answer)
    DiscussionFactory(author=colleague, title="Quelle appli pour les permanences ?")
    practice = DiscussionFactory(author=colleague, title="Partage : un live Twitch", kind="pratique")
    reply(practice, users["coordination"])
    EventFactory(title="Rencontre départementale", capacity=30)
    EventFactory(title="Formation complète", capacity=0)
    EventFactory(title="Inscriptions closes", registration_open=False)

    network = place(client_as("promeneur").get("/espace/"), "reseau")
    assert network.index("Quelle appli pour les permanences ?") < network.index("Partage : un live Twitch")
    assert "Question sans réponse" in network
    assert "Rencontre départementale" in network and "30 places restantes" in network
    assert "Formation complète" not in network and "Inscriptions closes" not in network


def test_new_items_are_merged_by_date_and_marked_against_the_last_visit(client, users):
    lucie = users["promeneur"]
    old = resource_page("Fiche ancienne")
    news = news_page("Actualité récente", intro="Le réseau s'agrandit.")
    a_week_ago = timezone.now() - datetime.timedelta(days=7)
    ResourcePage.objects.filter(pk=old.pk).update(first_published_at=a_week_ago - datetime.timedelta(days=1))
    MemberVisit.objects.create(user=lucie, started_at=a_week_ago)
    client.force_login(lucie)

    new = place(client.get("/espace/"), "nouveau")
    assert new.index("Actualité récente") < new.index("Fiche ancienne")
    recent_item = new[new.rindex("<li", 0, new.index("Actualité récente")) : new.index("Actualité récente")]
    old_item = new[new.rindex("<li", 0, new.index("Fiche ancienne")) : new.index("Fiche ancienne")]
    assert "nouveau</span>" in recent_item and "Actualités du réseau" in recent_item
    assert "nouveau</span>" not in old_item
    assert escape(news.intro) in new


# Who reaches the page


@pytest.mark.parametrize("role, expected", [("anonymous", 302), ("pilotage", 403), ("financeurs", 403)])
def test_committee_members_and_anonymous_visitors_never_reach_the_home(client_as, role, expected):
    response = client_as(role).get("/espace/")
    assert response.status_code == expected
    assert "Pour moi, maintenant" not in response.content.decode()


# Privacy


def test_what_a_promeneur_may_not_see_never_appears_on_the_home(client_as, users):
    secret = resource_page("Note interne de la coordination", intro="Confidentiel.")
    restrict_to_coordination(secret)
    resource_page("Fiche ouverte à tous les membres")
    hidden = DiscussionFactory(title="Discussion masquée par la modération", hidden=True)
    reply(hidden, users["coordination"])
    EventFactory(title="Réunion du comité technique", audience="comite", committee="Comité technique", capacity=9)
    EventFactory(title="Journée des membres", audience="membres", capacity=9)

    body = client_as("promeneur").get("/espace/").content.decode()
    for never in ("Note interne de la coordination", "Discussion masquée", "Réunion du comité technique"):
        assert never not in body, never
    assert "Fiche ouverte à tous les membres" in body and "Journée des membres" in body

    coordination = client_as("coordination").get("/espace/").content.decode()
    assert "Note interne de la coordination" in coordination


def test_the_shared_events_are_a_part_of_what_every_member_may_see(users):
    EventFactory(audience="comite", committee="Comité technique")
    EventFactory(audience="membres")
    EventFactory(audience="public")
    for role in ("promeneur", "coordination"):
        assert set(Event.objects.for_every_member()) <= set(Event.objects.visible_to(users[role]))
    assert Event.objects.for_every_member().count() == 2


# Bad input: the page renders with the blocks that apply


def test_a_member_without_a_promeneur_record_gets_the_home(client_as, users):
    response = client_as("coordination").get("/espace/")
    assert response.status_code == 200
    assert "grille" not in place(response, "pour-moi") and "Mon profil" not in place(response, "pour-moi")


def test_a_promeneur_with_no_registration_and_no_grid_ever_gets_the_home(client, users):
    newcomer = PromeneurFactory(user=UserFactory(username="nouveau", role="promeneur"))
    client.force_login(newcomer.user)
    response = client.get("/espace/")
    assert response.status_code == 200
    assert "Mes prochains rendez-vous" not in response.content.decode()
    assert "Remplir ma grille" in place(response, "pour-moi")


def test_a_last_visit_in_the_future_counts_as_now(client, users):
    lucie = users["promeneur"]
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    MemberVisit.objects.create(user=lucie, started_at=tomorrow, previous_at=tomorrow)
    resource_page("Fiche du jour")
    client.force_login(lucie)
    response = client.get("/espace/")
    assert response.status_code == 200
    assert "Fiche du jour" in place(response, "nouveau")
    assert MemberVisit.objects.get(user=lucie).started_at <= timezone.now()


def test_an_empty_network_shows_only_what_applies(client_as, users):
    response = client_as("promeneur").get("/espace/")
    assert response.status_code == 200
    assert place(response, "nouveau") == "" and place(response, "reseau") == ""


# The last visit


def test_the_last_visit_is_written_once_per_visit(client, users):
    lucie = users["promeneur"]
    client.force_login(lucie)
    client.get("/espace/")
    started = MemberVisit.objects.get(user=lucie).started_at
    with CaptureQueriesContext(connection) as queries:
        client.get("/espace/")
    assert not [q for q in queries.captured_queries if "accounts_membervisit" in q["sql"]]
    assert MemberVisit.objects.get(user=lucie).started_at == started


def test_a_new_visit_after_the_gap_moves_the_reference(users):
    lucie = users["promeneur"]
    now = timezone.now()
    first = last_visit(lucie, now)
    assert first == now - datetime.timedelta(days=30)
    assert last_visit(lucie, now + datetime.timedelta(minutes=10)) == first
    later = now + VISIT_GAP + datetime.timedelta(minutes=1)
    assert last_visit(lucie, later) == now
    assert last_visit(lucie, later + datetime.timedelta(minutes=5)) == now


def test_a_broken_session_value_falls_back_to_the_record(client, users):
    client.force_login(users["promeneur"])
    session = client.session
    session[SESSION_KEY] = {"since": "pas une date", "checked_at": "n'importe quoi"}
    session.save()
    assert client.get("/espace/").status_code == 200


# Cost


def steady_cost(client):
    client.get("/espace/")  # a visit starts; menus and shared blocks are built
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/espace/").status_code == 200
    return len(queries.captured_queries)


def national_size(lucie):
    """3,000 promeneurs with their accounts, 20,000 discussions with their opening message,
    3,000 registrations on 500 events, 10,000 pages of the library's sections (bulk-inserted as the
    scale command does: through Wagtail one by one they would take minutes)."""
    User = get_user_model()
    now = timezone.now()
    User.objects.bulk_create(
        User(username=f"national{n}", email=f"national{n}@example.org", first_name="P", last_name=f"N{n}")
        for n in range(3000)
    )
    accounts = list(User.objects.filter(username__startswith="national"))
    Group.objects.get(name=roles.PROMENEURS).user_set.add(*accounts)
    Promeneur.objects.bulk_create(
        Promeneur(user=user, first_name="P", last_name=user.last_name, slug=user.username, email=user.email)
        for user in accounts
    )
    discussions = Discussion.objects.bulk_create(
        Discussion(
            title=f"Discussion {n}",
            category="posture",
            author=accounts[n % 3000] if n % 10 else lucie,
            last_author=accounts[(n + 1) % 3000],
            created_at=now - datetime.timedelta(minutes=n),
            last_activity_at=now - datetime.timedelta(minutes=n),
            reply_count=1,
        )
        for n in range(20000)
    )
    Message.objects.bulk_create(
        Message(discussion=d, author=d.author, is_opening=True, body=d.title, body_text=d.title) for d in discussions
    )
    events = Event.objects.bulk_create(
        Event(
            title=f"Événement {n}",
            start=now + datetime.timedelta(days=1 + n % 60),
            end=now + datetime.timedelta(days=1 + n % 60, hours=2),
            capacity=10,
        )
        for n in range(500)
    )
    Registration.objects.bulk_create(
        Registration(event=events[n % 500], user=accounts[n], status="attente" if n % 3 else "confirmee")
        for n in range(3000)
    )
    Registration.objects.bulk_create(Registration(event=events[n], user=lucie) for n in range(20))
    ScaleFiller(io.StringIO()).pages(10_000, index=False)


def test_the_home_costs_at_most_15_queries_at_demo_and_national_size(client, busy_member):
    client.force_login(busy_member["lucie"])
    demo = steady_cost(client)
    national_size(busy_member["lucie"])
    cache.clear()
    client.force_login(busy_member["lucie"])
    national = steady_cost(client)
    assert demo == national
    assert national <= 15


def test_shared_blocks_are_built_again_after_a_while(client_as, users):
    assert SHARED_SECONDS <= 300
    client = client_as("promeneur")
    client.get("/espace/")
    resource_page("Publiée à l'instant")  # a publication changes the navigation's version at once
    assert "Publiée à l&#x27;instant" in place(client.get("/espace/"), "nouveau")


def test_the_last_visit_is_in_the_personal_data_and_goes_with_anonymisation(client, users):
    from network.directory.privacy import anonymise_promeneur, personal_data

    lucie = users["promeneur"]
    client.force_login(lucie)
    client.get("/espace/")
    assert personal_data(lucie, Promeneur.objects.get(user=lucie))["derniere_visite"]
    anonymise_promeneur(Promeneur.objects.get(user=lucie))
    assert not MemberVisit.objects.filter(user=lucie).exists()
