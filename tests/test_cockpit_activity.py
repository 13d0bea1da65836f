"""The activity's blocks of the cockpit: support requests handled, missing grids reminded."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from network.activity.models import ActivityGrid, GridReminder
from network.activity.models.grids import add_months, current_month, previous_month
from network.directory.models import Promeneur
from tests.factories import ActivityGridFactory, PromeneurFactory, UserFactory

pytestmark = pytest.mark.django_db

HOME = "/admin/"
REMIND = "/admin/activite/relances/"
MISSING = "/admin/activite/grilles-manquantes/"


def text(response):
    return response.content.decode()


def block(body, name):
    """The HTML of one cockpit block."""
    start = body.index(f'id="cockpit-{name}"')
    return body[start : body.index("</section>", start)]


# Support requests -----------------------------------------------------------------------------


def test_a_support_request_is_listed_then_marked_handled_with_who_and_when(client_as, users):
    grid = ActivityGridFactory(support_needed="Un jeune m'inquiète, j'aimerais en parler.")
    ActivityGridFactory(support_needed="")  # no request
    ActivityGridFactory(support_needed="Déjà vu", support_handled_at=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC))
    client = client_as("coordination")
    support = block(text(client.get(HOME)), "support-requests")
    assert '1<span class="w-sr-only"> élément</span>' in support
    assert "Un jeune m&#x27;inquiète" in support and f"/admin/activite/appui/{grid.pk}/traite/" in support

    response = client.post(f"/admin/activite/appui/{grid.pk}/traite/", {"next": HOME})
    assert response.status_code == 302 and response["Location"] == HOME
    grid.refresh_from_db()
    assert grid.support_handled_by == users["coordination"] and grid.support_handled_at is not None
    support = block(text(client.get(HOME)), "support-requests")
    assert "Aucune demande d&#x27;appui en attente." in support


def test_a_changed_request_comes_back_to_the_cockpit(client_as, users):
    from tests.test_activity_grids import grid_data

    lucie = Promeneur.objects.get(user=users["promeneur"])
    grid = ActivityGridFactory(promeneur=lucie, status="brouillon", support_needed="Première demande")
    grid.mark_support_handled(users["coordination"])
    client = client_as("promeneur")
    client.post(f"/espace/mon-activite/grilles/{grid.pk}/modifier/", grid_data(support_needed="Nouvelle demande"))
    grid.refresh_from_db()
    assert grid.support_needed == "Nouvelle demande" and grid.support_handled_at is None
    assert ActivityGrid.objects.support_requests().get() == grid


@pytest.mark.parametrize("role", ["promeneur", "pilotage"])
def test_only_coordination_marks_a_request_handled(client_as, role):
    grid = ActivityGridFactory(support_needed="Besoin d'aide")
    client_as(role).post(f"/admin/activite/appui/{grid.pk}/traite/")
    grid.refresh_from_db()
    assert grid.support_handled_at is None


def test_the_grids_list_filters_and_shows_support_requests(client_as):
    asked = ActivityGridFactory(support_needed="Besoin d'aide", promeneur__last_name="Demandeuse")
    ActivityGridFactory(support_needed="", promeneur__last_name="Tranquille")
    client = client_as("coordination")
    body = text(client.get("/admin/activite/grilles/?support=a-traiter"))
    assert "Accompagnement demandé" in body and "Oui, à traiter" in body
    assert "Demandeuse" in body and "Tranquille" not in body
    asked.mark_support_handled(None)
    body = text(client.get("/admin/activite/grilles/?support=traite"))
    assert "Demandeuse" in body and "Oui, traité le" in body
    body = text(client.get("/admin/activite/grilles/?support=non"))
    assert "Tranquille" in body and "Demandeuse" not in body


# Missing grids and their reminder ------------------------------------------------------------


@pytest.fixture
def month_of_grids(users):
    """Last month: one grid submitted, one draft, one promeneur without a grid, plus Lucie
    (the role user, without a grid), an inactive one and one who joined after the month."""
    month = previous_month()
    people = {
        "submitted": ActivityGridFactory(month=month).promeneur,
        "draft": ActivityGridFactory(month=month, status="brouillon").promeneur,
        "missing": PromeneurFactory(last_name="Absente"),
        "lucie": Promeneur.objects.get(user=users["promeneur"]),
        "inactive": PromeneurFactory(is_active=False),
        "newcomer": PromeneurFactory(entry_date=current_month()),
    }
    return month, people


def test_the_cockpit_lists_the_missing_grids_of_the_month_the_reminder_targets(client_as, month_of_grids):
    month, people = month_of_grids
    missing = block(text(client_as("coordination").get(HOME)), "missing-grids")
    assert '3<span class="w-sr-only"> éléments</span>' in missing
    for name in ("draft", "missing", "lucie"):
        assert people[name].full_name in missing
    for name in ("submitted", "inactive", "newcomer"):
        assert people[name].full_name not in missing
    assert f"{MISSING}?mois={month:%Y-%m}" in missing and "Relancer" in missing


def test_relancer_reminds_exactly_the_missing_promeneurs_once_and_the_cockpit_says_so(client_as, users, month_of_grids):
    month, people = month_of_grids
    client = client_as("coordination")
    mail.outbox.clear()
    response = client.post(REMIND, {"mois": f"{month:%Y-%m}", "next": HOME})
    assert response.status_code == 302 and response["Location"] == HOME
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(people[name].email for name in ("draft", "missing", "lucie"))
    reminder = GridReminder.objects.get()
    assert (reminder.month, reminder.sent_by, reminder.recipients) == (month, users["coordination"], 3)
    missing = block(text(client.get(HOME)), "missing-grids")
    assert "Relancés le" in missing and "(3 promeneurs)" in missing

    # The second time for the same month asks to confirm, and sends nothing until then.
    mail.outbox.clear()
    confirm = client.post(REMIND, {"mois": f"{month:%Y-%m}", "next": HOME})
    assert confirm.status_code == 200 and "déjà été relancées" in text(confirm)
    assert 'name="confirme"' in text(confirm)
    assert mail.outbox == [] and GridReminder.objects.count() == 1
    client.post(REMIND, {"mois": f"{month:%Y-%m}", "confirme": "on", "next": HOME})
    assert len(mail.outbox) == 3 and GridReminder.objects.count() == 2


@pytest.mark.parametrize(
    ("month", "message"),
    [
        (add_months(current_month(), 1), "Ce mois est dans le futur"),
        (current_month(), "Ce mois n&#x27;est pas terminé"),
    ],
)
def test_a_reminder_for_a_month_not_over_is_refused_in_french(client_as, month_of_grids, month, message):
    mail.outbox.clear()
    response = client_as("coordination").post(REMIND, {"mois": f"{month:%Y-%m}", "confirme": "on"})
    assert response.status_code == 400 and message in text(response)
    assert mail.outbox == [] and not GridReminder.objects.exists()


def test_a_reminder_for_an_unreadable_month_is_refused_in_french(client_as):
    response = client_as("coordination").post(REMIND, {"mois": "n'importe quoi"})
    assert response.status_code == 400 and "AAAA-MM" in text(response)


@pytest.mark.parametrize("role", ["promeneur", "pilotage"])
def test_only_coordination_sends_the_reminder(client_as, month_of_grids, role):
    month, _people = month_of_grids
    mail.outbox.clear()
    client_as(role).post(REMIND, {"mois": f"{month:%Y-%m}"})
    assert mail.outbox == [] and not GridReminder.objects.exists()


def test_the_command_uses_the_same_rule_records_and_does_not_send_twice(users, month_of_grids):
    from io import StringIO

    month, people = month_of_grids
    mail.outbox.clear()
    call_command("send_activity_reminders", stdout=StringIO())
    assert len(mail.outbox) == 3
    reminder = GridReminder.objects.get()
    assert reminder.sent_by is None and reminder.recipients == 3 and reminder.month == month
    out = StringIO()
    call_command("send_activity_reminders", stdout=out)
    assert "déjà relancés" in out.getvalue() and len(mail.outbox) == 3
    call_command("send_activity_reminders", "--encore", stdout=StringIO())
    assert len(mail.outbox) == 6 and GridReminder.objects.count() == 2


def test_the_missing_grids_list_is_paginated_and_linked_from_the_dashboard(client_as, users):
    month = previous_month()
    for index in range(55):
        PromeneurFactory(user=UserFactory(username=f"absent{index:02}", last_name=f"Absent{index:02}"))
    client = client_as("coordination")
    first = text(client.get(f"{MISSING}?mois={month:%Y-%m}"))
    assert "56 promeneurs sans grille transmise" in first  # with Lucie
    assert "Page 1 sur 2" in first and first.count("/admin/snippets/directory/promeneur/edit/") == 50
    second = text(client.get(f"{MISSING}?mois={month:%Y-%m}&page=2"))
    assert second.count("/admin/snippets/directory/promeneur/edit/") == 6
    dashboard = text(client.get("/admin/activite/"))
    assert f"{MISSING}?mois={month:%Y-%m}" in dashboard


def test_the_missing_grids_list_refuses_a_bad_month_in_french(client_as, users):
    response = client_as("coordination").get(f"{MISSING}?mois=2026-13")
    assert response.status_code == 400 and "AAAA-MM" in text(response)


def test_the_cockpit_links_the_months_export_and_the_new_watch_item(client_as):
    body = text(client_as("coordination").get(HOME))
    month = previous_month()
    figures = block(body, "month-figures")
    assert f"month_from={month.isoformat()}" in figures and "export=xlsx" in figures
    publish = block(body, "publish")
    assert "Nouvel article de veille" in publish and "/admin/pages/add/library/watchpage/" in publish


def test_the_dashboard_filtered_on_a_territory_links_to_that_territorys_missing_grids(client_as, users):
    from tests.factories import StructureFactory, TerritoryFactory

    month = previous_month()
    tet = TerritoryFactory(name="Vallée de la Têt")
    PromeneurFactory(last_name="Dansletet", structure=StructureFactory(territory=tet))
    PromeneurFactory(last_name="Ailleurs")
    client = client_as("coordination")
    dashboard = text(client.get(f"/admin/activite/?territory={tet.pk}"))
    link = f"{MISSING}?territory={tet.pk}&amp;mois={month:%Y-%m}"
    assert link in dashboard
    listing = text(client.get(link.replace("&amp;", "&")))
    assert "Dansletet" in listing and "Ailleurs" not in listing and "Vallée de la Têt" in listing
    assert "Relancer ces promeneurs" not in listing  # the reminder is for the whole network
    assert "Relancer ces promeneurs" in text(client.get(f"{MISSING}?mois={month:%Y-%m}"))


# French agreement with the count -----------------------------------------------------------------


def test_the_reminder_screens_agree_with_one_missing_promeneur(client_as, users):
    """Lucie alone has no grid: "1 promeneur n'a pas transmis sa grille", "relancé", "serait"."""
    import html
    from io import StringIO

    month = previous_month()
    client = client_as("coordination")
    confirm = html.unescape(text(client.get(REMIND, {"mois": f"{month:%Y-%m}"})))
    assert "1 promeneur n'a pas transmis sa grille" in confirm and "leur grille" not in confirm
    assert "chacun" not in confirm
    listing = text(client.get(f"{MISSING}?mois={month:%Y-%m}"))
    assert "1 promeneur sans grille transmise" in listing and "Relancer ce promeneur" in listing
    out = StringIO()
    call_command("send_activity_reminders", "--essai", stdout=out)
    assert "1 promeneur serait rappelé." in out.getvalue()

    mail.outbox.clear()
    response = client.post(REMIND, {"mois": f"{month:%Y-%m}", "next": HOME}, follow=True)
    assert "1 promeneur relancé." in text(response) and len(mail.outbox) == 1
    missing = block(text(client.get(HOME)), "missing-grids")
    assert "Relancé le" in missing and "(1 promeneur)" in missing and "Relancés" not in missing
    confirm = html.unescape(text(client.get(REMIND, {"mois": f"{month:%Y-%m}"})))
    assert "relancé le" in confirm and "relancés le" not in confirm


def test_the_reminder_screens_agree_with_several_missing_promeneurs(client_as, users):
    import html

    month = previous_month()
    PromeneurFactory(last_name="Absente")
    client = client_as("coordination")
    confirm = html.unescape(text(client.get(REMIND, {"mois": f"{month:%Y-%m}"})))
    assert "2 promeneurs n'ont pas transmis leur grille" in confirm and "chacun recevra le rappel" in confirm
    listing = text(client.get(f"{MISSING}?mois={month:%Y-%m}"))
    assert "2 promeneurs sans grille transmise" in listing and "Relancer ces promeneurs" in listing
