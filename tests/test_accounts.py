import re

import pytest
from django.core import mail
from django.test import override_settings

from tests.factories import PASSWORD, UserFactory
from workspace.accounts.forms import INVALID_LOGIN

pytestmark = pytest.mark.django_db


def login(client, username, password, next_url=None):
    data = {"username": username, "password": password}
    url = "/connexion/" + (f"?next={next_url}" if next_url else "")
    if next_url:
        data["next"] = next_url
    return client.post(url, data)


def test_login_returns_to_the_page_asked_for(client):
    UserFactory(username="lucie", role="promeneur")
    response = client.get("/espace/ressources/")
    assert response["Location"] == "/connexion/?next=/espace/ressources/"
    response = login(client, "lucie", PASSWORD, "/espace/ressources/")
    assert response.status_code == 302
    assert response["Location"] == "/espace/ressources/"


def test_login_with_email_address(client):
    UserFactory(username="lucie", email="lucie@example.org", role="promeneur")
    response = login(client, "Lucie@Example.org", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/espace/"


def test_wrong_password_and_unknown_account_get_the_same_french_message(client):
    UserFactory(username="lucie", role="promeneur")
    wrong_password = login(client, "lucie", "pas-le-bon")
    unknown = login(client, "personne", "pas-le-bon")
    for response in (wrong_password, unknown):
        assert response.status_code == 200
        assert INVALID_LOGIN in response.content.decode()
    # What the user typed is kept (the password is not, on purpose).
    assert 'value="lucie"' in wrong_password.content.decode()


def test_inactive_account_is_not_disclosed(client):
    UserFactory(username="parti", is_active=False)
    response = login(client, "parti", PASSWORD)
    assert INVALID_LOGIN in response.content.decode()


@pytest.mark.parametrize("next_url", ["https://evil.example.com/", "//evil.example.com/", "http:/evil.example.com"])
def test_next_never_redirects_off_site(client, next_url):
    UserFactory(username="lucie", role="promeneur")
    response = login(client, "lucie", PASSWORD, next_url)
    assert response.status_code == 302
    assert "evil" not in response["Location"]


@override_settings(AXES_FAILURE_LIMIT=3)
def test_repeated_failures_are_throttled(client):
    UserFactory(username="lucie", role="promeneur")
    for _ in range(3):
        login(client, "lucie", "mauvais")
    response = login(client, "lucie", PASSWORD)
    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_asks_then_logs_out(client):
    client.force_login(UserFactory(username="lucie", role="promeneur"))
    assert "Se déconnecter" in client.get("/deconnexion/").content.decode()
    response = client.post("/deconnexion/confirmer/", follow=True)
    assert response.redirect_chain == [("/", 302)]
    assert "Vous êtes déconnecté" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(("first_name", "first_line"), [("Lucie", "Bonjour Lucie,"), ("", "Bonjour,")])
def test_the_password_reset_e_mail_greets_the_member_and_says_how_long_the_link_lasts(client, first_name, first_line):
    # It began « Bonjour, » for a member the site knows by name, and never said the link expires.
    UserFactory(username="lucie", first_name=first_name, email="lucie@example.org")
    client.post("/mot-de-passe/oublie/", {"email": "lucie@example.org"})
    [message] = mail.outbox
    assert message.body.splitlines()[0] == first_line
    assert "Ce lien ne sert qu'une fois et reste valable 24 heures." in message.body


def test_password_reset_never_tells_whether_the_address_is_known(client):
    UserFactory(username="lucie", email="lucie@example.org")
    unknown = client.post("/mot-de-passe/oublie/", {"email": "inconnu@example.org"})
    assert unknown["Location"] == "/mot-de-passe/oublie/envoye/"
    assert mail.outbox == []
    known = client.post("/mot-de-passe/oublie/", {"email": "lucie@example.org"})
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "nouveau mot de passe" in message.body
    link = re.search(r"http://testserver(/mot-de-passe/nouveau/\S+)", message.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": "Un-nouveau-secret-66", "new_password2": "Un-nouveau-secret-66"}
    )
    assert done["Location"] == "/mot-de-passe/nouveau/termine/"


@override_settings(SITE_URL="https://promeneurs.example.org")
def test_password_reset_link_is_on_the_site_address_not_the_requested_host(client):
    """The link goes to SITE_URL whatever Host header the request came with."""
    UserFactory(username="lucie", email="lucie@example.org")
    client.post("/mot-de-passe/oublie/", {"email": "lucie@example.org"}, HTTP_HOST="evil.example.com")
    [message] = mail.outbox
    assert re.search(r"^https://promeneurs\.example\.org/mot-de-passe/nouveau/\S+/\S+/$", message.body, re.MULTILINE)
    assert "evil.example.com" not in message.body and "testserver" not in message.body


def test_password_reset_with_a_bad_address_keeps_it_and_explains(client):
    response = client.post("/mot-de-passe/oublie/", {"email": "pas-une-adresse"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Saisissez une adresse de courriel valide" in body
    assert 'value="pas-une-adresse"' in body


def test_password_change(client):
    user = UserFactory(username="lucie", role="promeneur")
    client.force_login(user)
    response = client.post(
        "/mot-de-passe/changer/",
        {"old_password": PASSWORD, "new_password1": "Encore-un-secret-66", "new_password2": "Encore-un-secret-66"},
    )
    assert response["Location"] == "/mot-de-passe/change/"
    user.refresh_from_db()
    assert user.check_password("Encore-un-secret-66")
