"""Coordination manages promeneur and committee accounts; rights are a superuser's business."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from workspace.accounts.roles import COMITE_TECHNIQUE, COORDINATION, PROMENEURS

pytestmark = pytest.mark.django_db

User = get_user_model()
NEW_PASSWORD = "Un-autre-secret-tres-long-66"


def edit_url(user):
    return reverse("wagtailusers_users:edit", args=[user.pk])


def delete_url(user):
    return reverse("wagtailusers_users:delete", args=[user.pk])


def account_data(username, groups=(), **extra):
    return {
        "username": username,
        "email": f"{username}@example.org",
        "first_name": "Prénom",
        "last_name": "Nom",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "groups": [Group.objects.get(name=name).pk for name in groups],
        **extra,
    }


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


def test_coordination_creates_a_promeneur_account(client_as, users):
    client = client_as("coordination")
    assert client.get("/admin/users/new/").status_code == 200
    assert client.get(edit_url(users["promeneur"])).status_code == 200
    response = client.post("/admin/users/new/", account_data("nouvelle", [PROMENEURS]))
    assert response.status_code == 302
    created = User.objects.get(username="nouvelle")
    assert list(created.groups.values_list("name", flat=True)) == [PROMENEURS]


def test_coordination_cannot_create_a_superuser(client_as):
    client = client_as("coordination")
    response = client.post("/admin/users/new/", account_data("pirate", is_superuser="on", is_staff="on"))
    assert response.status_code in (200, 302)
    assert not User.objects.filter(is_superuser=True).exists()
    assert not User.objects.filter(is_staff=True).exists()


def test_coordination_cannot_open_a_coordination_account(client_as):
    response = client_as("coordination").post("/admin/users/new/", account_data("pirate", [COORDINATION]))
    assert response.status_code == 200
    assert not User.objects.filter(username="pirate").exists()


def test_coordination_cannot_add_a_promeneur_to_coordination(client_as, users):
    promeneur = users["promeneur"]
    data = account_data(promeneur.username, [PROMENEURS, COORDINATION], password1="", password2="", is_active="on")
    response = client_as("coordination").post(edit_url(promeneur), data)
    assert response.status_code == 200
    assert set(promeneur.groups.values_list("name", flat=True)) == {PROMENEURS}


def test_coordination_cannot_raise_itself(client_as, users):
    coordinator = users["coordination"]
    data = account_data(coordinator.username, [COORDINATION], is_superuser="on")
    response = client_as("coordination").post(edit_url(coordinator), data)
    assert response.status_code == 404
    coordinator.refresh_from_db()
    assert not coordinator.is_superuser


def test_coordination_cannot_touch_the_superuser_account(client_as, superuser):
    client = client_as("coordination")
    assert client.get(edit_url(superuser)).status_code == 404
    response = client.post(edit_url(superuser), account_data("admin", email="pirate@example.org"))
    assert response.status_code == 404
    assert client.post(delete_url(superuser)).status_code in (403, 404)
    superuser.refresh_from_db()
    assert superuser.email == "admin@example.org"
    assert superuser.check_password(PASSWORD)
    assert superuser.is_active


def test_coordination_bulk_actions_skip_the_accounts_it_does_not_manage(client_as, users, superuser):
    client = client_as("coordination")
    promeneur = users["promeneur"]
    deactivate = f"/admin/bulk/auth/user/set_active_state/?id={superuser.pk}&id={promeneur.pk}"
    client.post(deactivate, {"mark_as_active": "False"})
    superuser.refresh_from_db()
    promeneur.refresh_from_db()
    assert superuser.is_active
    assert not promeneur.is_active

    coordination = Group.objects.get(name=COORDINATION)
    response = client.post(f"/admin/bulk/auth/user/assign_role/?id={promeneur.pk}", {"role": coordination.pk})
    assert response.status_code == 200
    assert not promeneur.groups.filter(name=COORDINATION).exists()


def test_memberships_coordination_may_not_grant_survive_its_edits(client_as, users):
    promeneur = users["promeneur"]
    editors = Group.objects.create(name="Éditeurs")
    promeneur.groups.add(editors)
    data = account_data(promeneur.username, [PROMENEURS, COMITE_TECHNIQUE], password1="", password2="", is_active="on")
    response = client_as("coordination").post(edit_url(promeneur), data)
    assert response.status_code == 302
    assert set(promeneur.groups.values_list("name", flat=True)) == {PROMENEURS, COMITE_TECHNIQUE, "Éditeurs"}


def test_the_user_list_shows_coordination_only_the_accounts_it_manages(client_as, users, superuser):
    body = client_as("coordination").get("/admin/users/").content.decode()
    assert edit_url(users["promeneur"]) in body
    assert edit_url(superuser) not in body


def test_a_superuser_still_grants_every_right(client, users, superuser):
    client.force_login(superuser)
    response = client.post("/admin/users/new/", account_data("adjointe", [COORDINATION], is_superuser="on"))
    assert response.status_code == 302
    created = User.objects.get(username="adjointe")
    assert created.is_superuser
    assert created.groups.filter(name=COORDINATION).exists()
    promeneur = users["promeneur"]
    data = account_data(promeneur.username, [COORDINATION], password1="", password2="", is_active="on")
    assert client.post(edit_url(promeneur), data).status_code == 302
    assert promeneur.groups.filter(name=COORDINATION).exists()
    other = UserFactory(username="autre-admin", is_superuser=True)
    assert client.post(delete_url(other)).status_code == 302
    assert not User.objects.filter(pk=other.pk).exists()
