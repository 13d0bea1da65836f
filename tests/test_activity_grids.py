"""The monthly grid of the members' space: draft, submit, lock, reopen, privacy, bad input, e-mails."""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from network.activity.models import ActivityGrid
from network.activity.models.grids import add_months, current_month, format_month, of_month, previous_month
from network.directory.models import Promeneur, SocialProfile, Theme
from tests.factories import ActivityGridFactory, NetworkActivityFactory, PromeneurFactory, UserFactory

BASE = "/espace/mon-activite/"
NETWORKS = [code for code, _ in SocialProfile.Network.choices]


def grid_data(month=None, action="draft", hours="4", networks=None, actions=None, **fields):
    """What the browser posts: the grid, one row per network, three action rows."""
    month = month or previous_month()
    data = {
        "month": month if isinstance(month, str) else f"{month:%Y-%m}",
        "hours_per_week": hours,
        "devices": ["ordinateur"],
        "actions_planned": "",
        "support_needed": "",
        "training_wishes": "",
        "difficulties": "",
        "action": action,
        "reseaux-TOTAL_FORMS": str(len(NETWORKS)),
        "reseaux-INITIAL_FORMS": str(len(NETWORKS)),
        "actions-TOTAL_FORMS": "3",
        "actions-INITIAL_FORMS": "0",
    }
    networks = networks or {}
    for index, code in enumerate(NETWORKS):
        messages, young, new = networks.get(code, (0, 0, 0))
        data.update(
            {
                f"reseaux-{index}-network": code,
                f"reseaux-{index}-messages": str(messages),
                f"reseaux-{index}-young_people": str(young),
                f"reseaux-{index}-new_young_people": str(new),
            }
        )
    for index, (title, reached) in enumerate((actions or []) + [("", "")] * (3 - len(actions or []))):
        data.update({f"actions-{index}-title": title, f"actions-{index}-young_people_reached": str(reached)})
    data.update(fields)
    return data


@pytest.fixture
def lucie(users):
    return Promeneur.objects.get(user=users["promeneur"])


def text(response):
    return html.unescape(response.content.decode())


def edit_url(grid):
    return f"{BASE}grilles/{grid.pk}/modifier/"


def error_next_to(body, field_id, message):
    """The message is in the error list rendered with the field's id, right before the field."""
    match = re.search(rf'<ul class="errorlist" id="{field_id}_error">(.*?)</ul>\s*<(input|select|textarea)', body, re.S)
    return bool(match) and message in match.group(1)


def test_a_draft_is_saved_then_completed_and_submitted(client_as, lucie):
    client = client_as("promeneur")
    theme = Theme.objects.get(slug="sante")
    response = client.post(
        f"{BASE}nouvelle/",
        grid_data(
            hours="4,5",
            networks={"instagram": (30, 8, 3)},
            themes=[theme.pk],
            actions=[("Atelier sur le sommeil", 12)],
        ),
    )
    grid = ActivityGrid.objects.get(promeneur=lucie)
    assert response.status_code == 302 and response["Location"] == edit_url(grid)
    assert grid.status == ActivityGrid.Status.DRAFT and grid.month == previous_month()
    assert grid.hours_per_week == Decimal("4.5")
    assert list(grid.network_activities.values_list("network", "messages", "young_people", "new_young_people")) == [
        ("instagram", 30, 8, 3)
    ]
    assert list(grid.themes.all()) == [theme]
    assert grid.led_actions.get().title == "Atelier sur le sommeil"

    # Later: the draft form shows what was saved, and is completed then submitted.
    page = text(client.get(edit_url(grid)))
    assert 'value="30"' in page and "Atelier sur le sommeil" in page
    response = client.post(
        edit_url(grid), grid_data(action="submit", networks={"instagram": (40, 9, 3), "snapchat": (10, 2, 1)})
    )
    assert response.status_code == 302 and response["Location"] == f"{BASE}grilles/{grid.pk}/"
    grid.refresh_from_db()
    assert grid.status == ActivityGrid.Status.SUBMITTED and grid.submitted_at
    assert grid.network_activities.count() == 2
    assert ActivityGrid.objects.count() == 1


def test_a_submitted_grid_is_locked_until_the_coordination_reopens_it(client_as, lucie):
    grid = ActivityGridFactory(promeneur=lucie, hours_per_week=3)
    client = client_as("promeneur")
    assert client.get(edit_url(grid))["Location"] == f"{BASE}grilles/{grid.pk}/"

    response = client.post(edit_url(grid), grid_data(hours="7", difficulties="Texte ajouté après coup"))
    body = text(response)
    assert response.status_code == 400
    assert "elle est verrouillée et n'a pas été modifiée" in body
    assert "Texte ajouté après coup" in body and 'value="7"' in body  # nothing typed is lost
    grid.refresh_from_db()
    assert grid.hours_per_week == 3 and grid.difficulties == ""

    # A promeneur cannot reopen; the coordination can.
    assert client.post(f"{BASE}grilles/{grid.pk}/rouvrir/").status_code == 403
    assert client_as("coordination").post(f"{BASE}grilles/{grid.pk}/rouvrir/").status_code == 302
    grid.refresh_from_db()
    assert grid.status == ActivityGrid.Status.REOPENED

    client = client_as("promeneur")
    assert client.post(edit_url(grid), grid_data(hours="7", action="submit")).status_code == 302
    grid.refresh_from_db()
    assert grid.hours_per_week == 7 and grid.is_locked


def test_a_submitted_grid_says_when_without_repeating_its_state(client_as, lucie):
    """« État : Transmise le 6 novembre… », not « État : Transmise, transmise le 6 novembre… »."""
    moment = timezone.make_aware(datetime.datetime(2026, 11, 6, 19, 0))
    grid = ActivityGridFactory(promeneur=lucie, submitted_at=moment)
    body = re.sub(r"<[^>]+>", "", text(client_as("promeneur").get(f"{BASE}grilles/{grid.pk}/")))
    assert "État : Transmise le 6 novembre 2026 à 19h00." in body
    grid.reopen()
    body = re.sub(r"<[^>]+>", "", text(client_as("promeneur").get(f"{BASE}grilles/{grid.pk}/")))
    assert "État : Rouverte par la coordination, transmise le 6 novembre 2026 à 19h00." in body


def test_my_grids_are_listed_a_year_at_a_time(client_as, lucie):
    """Five years in the network make sixty grids: the list goes a page of twelve at a time."""
    for offset in range(30):
        ActivityGridFactory(promeneur=lucie, month=add_months(previous_month(), -offset))
    client = client_as("promeneur")
    body = text(client.get(BASE))
    newest, thirteenth = previous_month(), add_months(previous_month(), -12)
    assert f"la grille {of_month(newest)}" in body and f"la grille {of_month(thirteenth)}" not in body
    assert "Page suivante" in body and body.count("Voir<span") == 12
    second = text(client.get(f"{BASE}?page=2"))
    assert f"la grille {of_month(thirteenth)}" in second and f"la grille {of_month(newest)}" not in second
    assert f"Bilan {add_months(previous_month(), -29).year}" in second  # every year's totals still offered


def test_another_promeneur_cannot_read_or_change_a_grid_even_by_posting(client_as, lucie):
    grid = ActivityGridFactory(promeneur=lucie, status="brouillon", difficulties="Réservé à Lucie")
    NetworkActivityFactory(grid=grid, messages=11)
    intruder = PromeneurFactory(user=UserFactory(username="intrus", role="promeneur"))
    client = client_as("promeneur")
    client.force_login(intruder.user)

    assert client.get(f"{BASE}grilles/{grid.pk}/").status_code == 404
    assert client.get(edit_url(grid)).status_code == 404
    assert client.post(edit_url(grid), grid_data(action="submit", hours="30")).status_code == 404
    assert client.post(f"{BASE}grilles/{grid.pk}/rouvrir/").status_code == 403
    # Posting a "promeneur" field to the new-grid form does not write for someone else.
    client.post(f"{BASE}nouvelle/", grid_data(promeneur=lucie.pk, month=f"{add_months(previous_month(), -1):%Y-%m}"))
    grid.refresh_from_db()
    assert grid.status == "brouillon" and grid.hours_per_week == 4 and grid.network_activities.get().messages == 11
    assert ActivityGrid.objects.filter(promeneur=lucie).count() == 1
    assert ActivityGrid.objects.filter(promeneur=intruder).count() == 1
    assert "Réservé à Lucie" not in text(client.get(BASE))


@pytest.mark.parametrize(
    ("overrides", "field_id", "message"),
    [
        ({"hours": "500"}, "id_hours_per_week", "Au plus 40 heures par semaine"),
        ({"hours": "-2"}, "id_hours_per_week", "ne peut pas être négatif"),
        ({"hours": "beaucoup"}, "id_hours_per_week", "Indiquez un nombre d'heures"),
        ({"networks": {"instagram": (-5, 0, 0)}}, "id_reseaux-0-messages", "ne peut pas être négatif"),
        ({"networks": {"instagram": (10, 999999, 0)}}, "id_reseaux-0-young_people", "Au plus 5000 par mois"),
        (
            {"networks": {"instagram": (10, 2, 5)}},
            "id_reseaux-0-new_young_people",
            "font partie des jeunes accompagnés",
        ),
        ({"month": "2099-01"}, "id_month", "Ce mois n'est pas encore commencé"),
        ({"month": "mars"}, "id_month", "Indiquez un mois sous la forme AAAA-MM"),
        ({"actions": [("", 12)]}, "id_actions-0-title", "Donnez un intitulé à cette action"),
    ],
)
def test_bad_input_gets_a_french_message_next_to_the_field_and_nothing_is_saved(
    client_as, lucie, overrides, field_id, message
):
    data = grid_data(
        difficulties="Un texte que je ne veux pas retaper",
        **{k: v for k, v in overrides.items() if k in ("hours", "networks", "actions", "month")},
    )
    response = client_as("promeneur").post(f"{BASE}nouvelle/", data)
    body = text(response)
    assert response.status_code == 400
    assert error_next_to(body, field_id, message), body[body.find('id="form-errors"') :][:3000]
    assert "Un texte que je ne veux pas retaper" in body
    assert not ActivityGrid.objects.exists()


def test_future_month_and_second_grid_for_a_month_are_refused(client_as, lucie):
    existing = ActivityGridFactory(promeneur=lucie, month=previous_month(), status="brouillon")
    client = client_as("promeneur")
    response = client.post(f"{BASE}nouvelle/", grid_data(month=previous_month(), hours="6"))
    assert response.status_code == 400
    assert error_next_to(text(response), "id_month", "Vous avez déjà une grille pour ce mois")
    response = client.post(f"{BASE}nouvelle/", grid_data(month=add_months(current_month(), 1)))
    assert error_next_to(text(response), "id_month", "Ce mois n'est pas encore commencé")
    # Moving a grid onto a month that already has one is refused too.
    other = ActivityGridFactory(promeneur=lucie, month=add_months(previous_month(), -1), status="brouillon")
    response = client.post(edit_url(other), grid_data(month=previous_month()))
    assert error_next_to(text(response), "id_month", "Vous avez déjà une grille pour ce mois")
    assert ActivityGrid.objects.filter(promeneur=lucie).count() == 2
    existing.refresh_from_db()
    assert existing.hours_per_week == 4


@override_settings(COORDINATION_EMAIL="coordinatrice@example.org")
def test_support_needed_notifies_the_coordinator_at_once_and_only_once(client_as, lucie):
    client = client_as("promeneur")
    client.post(f"{BASE}nouvelle/", grid_data(support_needed="Situation de harcèlement repérée : besoin d'un avis."))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coordinatrice@example.org"]
    assert "Besoin d'appui" in message.subject and lucie.full_name in message.subject
    grid = ActivityGrid.objects.get()
    assert "besoin d'un avis" in message.body and f"{BASE}grilles/{grid.pk}/" in message.body
    # Saving again without changing the request sends nothing more.
    client.post(edit_url(grid), grid_data(support_needed="Situation de harcèlement repérée : besoin d'un avis."))
    assert len(mail.outbox) == 1
    client.post(f"{BASE}nouvelle/", grid_data(month=add_months(previous_month(), -1)))
    assert len(mail.outbox) == 1


def test_free_text_fields_warn_not_to_identify_a_young_person(client_as, lucie):
    body = text(client_as("promeneur").get(f"{BASE}nouvelle/"))
    assert "N'écrivez jamais rien qui permette d'identifier un jeune" in body
    assert body.count("N'indiquez rien qui permette d'identifier un jeune") >= 3


def test_a_promeneur_sees_their_own_grids_and_yearly_totals_only(client_as, lucie):
    month = previous_month()
    mine = ActivityGridFactory(promeneur=lucie, month=month)
    NetworkActivityFactory(grid=mine, young_people=7, new_young_people=1, messages=31)
    theirs = ActivityGridFactory(month=month)
    NetworkActivityFactory(grid=theirs, young_people=900, messages=4321)
    client = client_as("promeneur")
    index = text(client.get(BASE))
    assert f"{BASE}grilles/{mine.pk}/" in index and f"{BASE}grilles/{theirs.pk}/" not in index
    totals = text(client.get(f"{BASE}bilan/{month.year}/"))
    assert "<dd>7</dd>" in totals and "<dd>31</dd>" in totals
    assert "4321" not in totals and "900" not in totals


def test_the_reminder_goes_to_promeneurs_without_a_submitted_grid_for_last_month(users):
    month = previous_month()
    submitted = ActivityGridFactory(month=month).promeneur
    draft = ActivityGridFactory(month=month, status="brouillon").promeneur
    missing = PromeneurFactory()
    PromeneurFactory(is_active=False)
    call_command("send_activity_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    recipients = sorted(address for message in mail.outbox for address in message.to)
    lucie = Promeneur.objects.get(user=users["promeneur"])
    assert recipients == sorted([draft.email, missing.email, lucie.email])
    assert submitted.email not in recipients
    assert "/espace/mon-activite/" in mail.outbox[0].body and "grille d'activité" in mail.outbox[0].subject


def test_the_reminder_skips_who_left_before_the_month_and_keeps_who_left_during_it(users):
    month = previous_month()
    left_before = PromeneurFactory(exit_date=month - datetime.timedelta(days=1))
    left_during = PromeneurFactory(exit_date=month + datetime.timedelta(days=14))
    call_command("send_activity_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    recipients = {address for message in mail.outbox for address in message.to}
    assert left_during.email in recipients
    assert left_before.email not in recipients


def query_count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_listings_cost_the_same_number_of_queries_whatever_the_number_of_rows(client_as, lucie):
    from tests.factories import JournalEntryFactory

    def add(count, start):
        for offset in range(start, start + count):
            grid = ActivityGridFactory(promeneur=lucie, month=add_months(previous_month(), -offset))
            NetworkActivityFactory(grid=grid)
            grid.themes.set(Theme.objects.all()[:2])
            entry = JournalEntryFactory(date=grid.month)
            entry.promeneurs.set([lucie])
            entry.save()

    add(2, 0)
    promeneur = client_as("promeneur")
    small_own = query_count(promeneur, BASE)
    small_year = query_count(promeneur, f"{BASE}bilan/{previous_month().year}/")
    coordination = client_as("coordination")
    small_admin = [query_count(coordination, url) for url in ("/admin/activite/grilles/", "/admin/activite/journal/")]
    add(18, 2)
    promeneur = client_as("promeneur")
    assert query_count(promeneur, BASE) == small_own
    assert query_count(promeneur, f"{BASE}bilan/{previous_month().year}/") == small_year
    coordination = client_as("coordination")
    large_admin = [query_count(coordination, url) for url in ("/admin/activite/grilles/", "/admin/activite/journal/")]
    assert large_admin == small_admin


def test_the_coordination_can_also_reopen_a_grid_from_the_admin(client_as, lucie):
    grid = ActivityGridFactory(promeneur=lucie, difficulties="Texte du promeneur")
    response = client_as("coordination").post(f"/admin/activite/grilles/edit/{grid.pk}/", {"status": "rouverte"})
    assert response.status_code == 302
    grid.refresh_from_db()
    assert grid.status == "rouverte" and grid.reopened_at and grid.difficulties == "Texte du promeneur"
    assert client_as("promeneur").get(edit_url(grid)).status_code == 200


def test_an_action_without_a_count_is_saved_as_a_draft_not_refused_as_a_duplicate_month(client_as, lucie):
    """Issue 15: an action with a title and an empty "Jeunes touchés" box was refused with a 400
    "Vous avez déjà une grille pour ce mois" (a NOT NULL error reported as a duplicate month)."""
    client = client_as("promeneur")
    response = client.post(f"{BASE}nouvelle/", grid_data(actions=[("Atelier d'écriture", "")]))
    assert response.status_code == 302, text(response)[:2000]
    grid = ActivityGrid.objects.get(promeneur=lucie)
    action = grid.led_actions.get()
    assert action.title == "Atelier d'écriture" and action.young_people_reached == 0
    # And the grid can be submitted with it.
    response = client.post(edit_url(grid), grid_data(action="submit", actions=[("Atelier d'écriture", "")]))
    assert response.status_code == 302
    grid.refresh_from_db()
    assert grid.is_locked


def test_a_draft_saves_whatever_is_filled_and_the_grid_sent_says_its_hours(client_as, lucie):
    client = client_as("promeneur")
    data = grid_data(hours="", networks={"instagram": ("", 4, "")})
    data.update({"reseaux-1-messages": "", "reseaux-1-young_people": "", "devices": []})
    response = client.post(f"{BASE}nouvelle/", data)
    assert response.status_code == 302
    grid = ActivityGrid.objects.get(promeneur=lucie)
    assert grid.hours_per_week == 0
    assert list(grid.network_activities.values_list("network", "messages", "young_people", "new_young_people")) == [
        ("instagram", 0, 4, 0)
    ]
    # Sending it to the coordination asks for the hours, next to the box, and keeps the rest.
    response = client.post(edit_url(grid), grid_data(action="submit", hours="", difficulties="Peu de temps"))
    body = text(response)
    assert response.status_code == 400
    assert error_next_to(body, "id_hours_per_week", "Indiquez vos heures en ligne par semaine")
    assert "Peu de temps" in body
    grid.refresh_from_db()
    assert not grid.is_locked


@pytest.mark.parametrize(
    ("hours", "message"),
    [("2,55", "Une décimale au plus"), ("1000", "Au plus 40 heures"), ("", "Indiquez vos heures")],
)
def test_hours_get_a_french_message_when_submitting(client_as, lucie, hours, message):
    response = client_as("promeneur").post(f"{BASE}nouvelle/", grid_data(action="submit", hours=hours))
    assert response.status_code == 400
    assert error_next_to(text(response), "id_hours_per_week", message)
    assert not ActivityGrid.objects.exists()


def test_a_tampered_network_row_gets_a_french_message_not_an_error_page(client_as, lucie):
    client = client_as("promeneur")
    twice = grid_data(networks={"instagram": (3, 1, 0)})
    twice["reseaux-1-network"] = "instagram"
    response = client.post(f"{BASE}nouvelle/", twice)
    assert response.status_code == 400
    assert "Un réseau apparaît deux fois" in text(response)
    unknown = grid_data()
    unknown["reseaux-0-network"] = "myspace"
    response = client.post(f"{BASE}nouvelle/", unknown)
    assert response.status_code == 400 and "Ce réseau est inconnu" in text(response)
    assert not ActivityGrid.objects.exists()


def test_the_month_defaults_to_the_first_month_without_a_grid(client_as, lucie):
    client = client_as("promeneur")

    def default_month():
        return re.search(r'name="month" value="([^"]*)"', text(client.get(f"{BASE}nouvelle/"))).group(1)

    assert default_month() == f"{previous_month():%Y-%m}"
    ActivityGridFactory(promeneur=lucie, month=previous_month())
    assert default_month() == f"{current_month():%Y-%m}"
    ActivityGridFactory(promeneur=lucie, month=current_month(), status="brouillon")
    assert 'name="month" value=' not in text(client.get(f"{BASE}nouvelle/"))  # the promeneur picks one


def test_own_networks_come_first_and_the_others_are_folded(client_as, lucie):
    SocialProfile.objects.create(promeneur=lucie, network="discord", profile_name="lucie_pdn")
    client = client_as("promeneur")
    body = text(client.get(f"{BASE}nouvelle/"))
    folded = body[body.index('<details class="more-rows"') :]
    assert "<legend>Discord</legend>" in body and "<legend>Discord</legend>" not in folded
    assert "<summary>Ajouter un réseau</summary>" in folded and "<legend>Instagram</legend>" in folded
    assert body.count('class="row-card"') == len(NETWORKS) + 3  # every network and action is in the form
    # A network filled in a draft is shown, not folded, when the draft is opened again.
    client.post(f"{BASE}nouvelle/", grid_data(networks={"twitch": (5, 2, 1)}))
    body = text(client.get(edit_url(ActivityGrid.objects.get())))
    assert body.index("<legend>Twitch</legend>") < body.index('<details class="more-rows"')
    assert 'value="5"' in body


def test_a_second_grid_for_the_same_month_saved_at_the_same_moment_is_refused_in_french(lucie):
    from network.activity.forms import GridEditor

    editor = GridEditor(lucie, lambda grid: f"{BASE}grilles/{grid.pk}/", data=grid_data())
    assert editor.is_valid()
    ActivityGridFactory(promeneur=lucie, month=previous_month(), status="brouillon")  # the other tab won
    assert editor.save() is None
    assert editor.form.errors["month"] == ["Vous avez déjà une grille pour ce mois."]
    assert ActivityGrid.objects.filter(promeneur=lucie).count() == 1


def test_a_newcomer_is_not_asked_for_last_months_grid_on_my_activity(client_as, lucie):
    """Entered this month, a promeneur owes no grid for last month: « Mon activité » says so, as the
    space's home does (expected_month), and offers this month's grid instead."""
    lucie.entry_date = current_month()
    lucie.save()

    page = text(client_as("promeneur").get(BASE))

    assert "n'est pas encore commencée" not in page
    assert f"Aucune grille ne vous est demandée pour {format_month(previous_month())}" in page
    assert f"Commencer ma grille {of_month(current_month())}" in page


def test_the_grid_owed_for_last_month_is_named_by_its_month(client_as, lucie):
    page = text(client_as("promeneur").get(BASE))

    assert f"Votre grille {of_month(previous_month())} n'est pas encore commencée" in page
