"""The departmental charter with versions (issue 12, item 3): a promeneur accepts the current
version before using the space; a new version asks everyone again; the coordinator sees and
exports who accepted which version and when."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from network.coordination.models import CharterAcceptance, CharterVersion
from network.coordination.models.charter import accept
from network.directory.models import Promeneur
from tests.factories import PromeneurFactory, UserFactory
from tests.pages import page_at

pytestmark = pytest.mark.django_db

ACCEPT = "/charte/accepter/"


def publish_charter(label, text):
    page = page_at("/charte/")
    page.version_label = label
    page.text = text
    page.save_revision().publish()
    return CharterVersion.objects.get(label=label)


def test_without_a_published_version_nobody_is_held_back(client_as):
    assert CharterVersion.objects.count() == 0
    assert client_as("promeneur").get("/espace/").status_code == 200


def test_publishing_the_page_makes_a_version_with_its_text_and_the_public_reads_it(client):
    version = publish_charter("2026", "<p>Une présence identifiée et transparente.</p>")
    assert version.text == "<p>Une présence identifiée et transparente.</p>"
    body = client.get("/charte/").content.decode()
    assert "Version 2026" in body
    assert "Une présence identifiée et transparente." in body


def test_the_space_sends_a_promeneur_to_the_charter_until_they_accept_it(client_as, users):
    version = publish_charter("2026", "<p>Respecter la vie privée des jeunes.</p>")
    client = client_as("promeneur")
    for address in ("/espace/", "/espace/ressources/", "/espace/mon-activite/"):
        response = client.get(address)
        assert response.status_code == 302, address
        assert response["Location"] == f"{ACCEPT}?next={address.replace('/', '%2F')}"

    page = client.get(f"{ACCEPT}?next=/espace/ressources/")
    body = page.content.decode()
    assert "Respecter la vie privée des jeunes." in body
    assert 'type="checkbox"' in body

    unchecked = client.post(ACCEPT, {"next": "/espace/ressources/"})
    assert unchecked.status_code == 200
    assert "Cochez la case pour accepter la charte." in unchecked.content.decode()
    assert not CharterAcceptance.objects.exists()

    accepted = client.post(ACCEPT, {"accepted": "on", "next": "/espace/ressources/"})
    assert accepted.status_code == 302 and accepted["Location"] == "/espace/ressources/"
    assert client.get("/espace/").status_code == 200
    acceptance = CharterAcceptance.objects.get()
    assert (acceptance.user, acceptance.version) == (users["promeneur"], version)
    sheet = Promeneur.objects.get(user=users["promeneur"])
    assert (sheet.charter_version, sheet.charter_signed_on) == ("2026", timezone.localdate())


def test_the_charter_does_not_send_elsewhere_than_this_site(client_as):
    publish_charter("2026", "<p>Texte.</p>")
    response = client_as("promeneur").post(ACCEPT, {"accepted": "on", "next": "https://ailleurs.example/"})
    assert response["Location"] == "/espace/"


@pytest.mark.parametrize("role", ["coordination"])
def test_coordination_is_not_held_back(client_as, role):
    publish_charter("2026", "<p>Texte.</p>")
    assert client_as(role).get("/espace/").status_code == 200


def test_a_new_version_asks_everyone_again_and_keeps_the_old_acceptances(client_as, users):
    first = publish_charter("2026", "<p>Première version.</p>")
    accept(users["promeneur"], first)
    client = client_as("promeneur")
    assert client.get("/espace/").status_code == 200

    second = publish_charter("2027", "<p>Deuxième version : les relais d'urgence.</p>")
    response = client.get("/espace/")
    assert response.status_code == 302 and response["Location"].startswith(ACCEPT)
    assert "les relais d'urgence" in client.get(ACCEPT).content.decode().replace("&#x27;", "'")
    client.post(ACCEPT, {"accepted": "on"})
    assert client.get("/espace/").status_code == 200
    assert list(
        CharterAcceptance.objects.filter(user=users["promeneur"]).order_by("accepted_at").values_list("version__label")
    ) == [("2026",), ("2027",)]
    assert first.text == "<p>Première version.</p>" and second.acceptances.count() == 1


def test_a_published_version_keeps_its_text_the_page_asks_for_a_new_number():
    publish_charter("2026", "<p>Texte accepté.</p>")
    page = page_at("/charte/")
    page.text = "<p>Texte changé en douce.</p>"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "donnez un nouveau numéro de version" in str(error.value.message_dict["version_label"])
    # The editor's block keys are no change of the text.
    page.text = '<p data-block-key="a1b2c">Texte accepté.</p>'
    page.full_clean()


def test_an_old_version_number_cannot_come_back():
    publish_charter("2026", "<p>Un.</p>")
    publish_charter("2027", "<p>Deux.</p>")
    page = page_at("/charte/")
    page.version_label = "2026"
    with pytest.raises(ValidationError):
        page.full_clean()


def test_committees_cannot_accept_and_anonymous_visitors_log_in_first(client_as):
    publish_charter("2026", "<p>Texte.</p>")
    assert client_as("pilotage").get(ACCEPT).status_code == 403
    response = client_as("anonymous").get(ACCEPT)
    assert response.status_code == 302 and response["Location"].startswith("/connexion/?next=")


def test_the_coordinator_sees_and_exports_who_accepted_which_version_and_when(client_as, users):
    first = publish_charter("2026", "<p>Un.</p>")
    second = publish_charter("2027", "<p>Deux.</p>")
    late = PromeneurFactory(user=UserFactory(username="tardif", first_name="Noé", last_name="Tardif", role="promeneur"))
    moment = timezone.make_aware(datetime.datetime(2026, 3, 14, 10, 30))
    CharterAcceptance.objects.create(user=users["promeneur"], version=first, accepted_at=moment)
    CharterAcceptance.objects.create(user=users["promeneur"], version=second, accepted_at=moment.replace(month=9))
    CharterAcceptance.objects.create(user=late.user, version=first, accepted_at=moment.replace(day=20))
    client = client_as("coordination")

    listing = client.get("/admin/coordination/charteracceptance/")
    assert listing.status_code == 200
    assert "Tardif" in listing.content.decode()

    export = client.get("/admin/coordination/charteracceptance/", {"export": "csv", "version__id__exact": second.pk})
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Membre", "E-mail", "Version", "Acceptée le"]
    assert [row[:3] for row in rows[1:]] == [
        ["Lucie " + users["promeneur"].last_name, "promeneur@example.org", "Version 2027"]
    ]
    assert rows[1][3].startswith("14/09/2026")

    everyone = list(
        csv.reader(
            io.StringIO(
                client.get("/admin/coordination/charteracceptance/", {"export": "csv"}).content.decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    assert sorted((row[0].split()[-1], row[2], row[3][:10]) for row in everyone[1:]) == [
        (users["promeneur"].last_name, "Version 2026", "14/03/2026"),
        (users["promeneur"].last_name, "Version 2027", "14/09/2026"),
        ("Tardif", "Version 2026", "20/03/2026"),
    ]
    versions = client.get("/admin/coordination/charterversion/").content.decode()
    assert "2027" in versions


def test_acceptances_are_kept_as_made(client_as, users):
    version = publish_charter("2026", "<p>Un.</p>")
    acceptance = accept(users["promeneur"], version)
    client = client_as("coordination")
    assert client.get(f"/admin/coordination/charteracceptance/inspect/{acceptance.pk}/").status_code == 200
    # Wagtail's modeladmin answers a refused action by going back to the admin's home.
    for action in (f"edit/{acceptance.pk}/", f"delete/{acceptance.pk}/", "create/"):
        assert client.get(f"/admin/coordination/charteracceptance/{action}").status_code == 302
        assert client.post(f"/admin/coordination/charteracceptance/{action}").status_code == 302
    assert CharterAcceptance.objects.get() == acceptance


def test_a_member_finds_their_acceptances_in_their_personal_data(client_as, users):
    version = publish_charter("2026", "<p>Un.</p>")
    accept(users["promeneur"], version)
    data = client_as("promeneur").get("/espace/mon-profil/mes-donnees/").json()
    assert [row["version"] for row in data["acceptations_charte"]] == ["2026"]


def test_the_demo_publishes_the_charter_and_its_promeneurs_have_accepted_it(client):
    import io

    from django.core.management import call_command

    call_command("load_demo", "--force", stdout=io.StringIO())
    version = CharterVersion.current()
    lucie = Promeneur.objects.get(user__username="lucie.martin")
    assert version is not None and version.acceptances.filter(user=lucie.user).exists()
    assert lucie.charter_version == version.label
    client.force_login(lucie.user)
    assert client.get("/espace/").status_code == 200
