"""The site a fresh migrated database serves: tree, roles, errors, search, demo."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import RequestFactory, override_settings
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, PageViewRestriction

from home.models import ApplicationPage, ContactPage, HomePage, StandardPage
from network.coordination.models import CharterPage
from network.directory.models import SocialProfile
from network.events.models import Event, Registration
from resources.exchanges.models import FaqEntry, Visibility
from tests.factories import UserFactory
from tests.pages import page_at, publish_child
from workspace.accounts.roles import (
    ALL_GROUPS,
    COMITE_FINANCEURS,
    COMITE_PILOTAGE,
    COMMITTEES,
    COORDINATION,
    PROMENEURS,
)
from workspace.pages.models import SpacePage

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_migrations_build_the_page_tree():
    home = Page.objects.get(depth=2).specific
    assert isinstance(home, HomePage)
    assert home.get_site().is_default_site
    for address in ("/le-dispositif/", "/mentions-legales/", "/accessibilite/"):
        assert isinstance(page_at(address), StandardPage)
    assert isinstance(page_at("/charte/"), CharterPage)
    assert isinstance(page_at("/contact/"), ContactPage)
    assert isinstance(page_at("/devenir-promeneur/"), ApplicationPage)
    space = page_at("/espace/")
    assert isinstance(space, SpacePage)
    # Other features add their own sections after these (e.g. "faq"): the foundation's five come first.
    slugs = [p.slug for p in space.get_children()]
    assert slugs[:5] == ["ressources", "veille", "actualites", "formations", "echanges"]
    restriction = PageViewRestriction.objects.get(page=space)
    assert set(restriction.groups.values_list("name", flat=True)) == {PROMENEURS, COORDINATION}


@pytest.mark.django_db
def test_roles_are_created_with_their_permissions():
    assert set(Group.objects.values_list("name", flat=True)) >= set(ALL_GROUPS)
    coordination = UserFactory(role="coordination")
    assert coordination.has_perm("wagtailadmin.access_admin")
    assert coordination.has_perm("directory.change_promeneur")
    assert GroupPagePermission.objects.filter(
        group__name=COORDINATION, page__depth=1, permission__codename="publish_page"
    ).exists()
    for role in ("promeneur", "pilotage", "financeurs", "technique"):
        user = UserFactory(role=role)
        assert not user.has_perm("wagtailadmin.access_admin"), role
        assert not user.get_all_permissions(), role
    assert not GroupPagePermission.objects.filter(group__name__in=[PROMENEURS, *COMMITTEES]).exists()


@pytest.mark.django_db
def test_not_found_page_is_in_french(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.urls_with_error")
def test_server_error_page_is_in_french_and_leaks_nothing(client):
    client.raise_request_exception = False
    response = client.get("/erreur-de-test/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Une erreur est survenue" in body
    assert "Traceback" not in body and "secret-interne" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["", "   ", "x" * 2000, "'; DROP TABLE wagtailcore_page; --", "<script>alert(1)</script>", "dispositif&page=999"],
)
def test_search_answers_any_query_without_error(client, query):
    response = client.get("/recherche/", {"q": query, "page": "999"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.django_db
def test_search_finds_public_pages_and_paginates(client):
    home = page_at("/")
    for number in range(12):
        publish_child(home, StandardPage(title=f"Guide pratique numéro {number}", slug=f"guide-{number}"))
    first = client.get("/recherche/", {"q": "guide pratique"})
    assert "12 résultats" in first.content.decode()
    second = client.get("/recherche/", {"q": "guide pratique", "page": 2})
    assert second.content.decode().count("Guide pratique numéro") == 2


@pytest.mark.django_db
def test_demo_command_runs_twice_reads_true_and_its_accounts_work():
    """Its accounts work; and it reads true whatever the day it is loaded (its dates move with that
    day): no season or month in a title, no registration or handle a user would find odd, and a
    committee's next meeting told once (by its secretariat)."""
    # Once forced in production settings, once in development.
    call_command("load_demo", "--force", stdout=io.StringIO())
    out = io.StringIO()
    with override_settings(DEBUG=True):
        call_command("load_demo", stdout=out)
    lines = [line.split() for line in out.getvalue().splitlines() if line.startswith("  ")]
    assert len(lines) >= 10
    request = RequestFactory().post("/connexion/")
    for username, password, *_ in lines:
        assert authenticate(request, username=username, password=password), username
    assert sorted(u for u, *_ in lines) == sorted({u for u, *_ in lines}), "an account printed twice"

    words_of_titles = set(re.findall(r"\w+", " ".join(Event.objects.values_list("title", flat=True)).lower()))
    assert not words_of_titles & {"printemps", "été", "automne", "hiver", "janvier", "juin", "octobre"}
    assert not Registration.objects.filter(queued_at__gt=timezone.now()).exists()
    assert all(name.isascii() for name in SocialProfile.objects.values_list("profile_name", flat=True))
    assert not Event.objects.filter(committee__in=[COMITE_PILOTAGE, COMITE_FINANCEURS]).exists()
    # The public FAQ speaks to young people and parents: it names no member and sends nobody to the
    # members' resources.
    first_names = set(get_user_model().objects.exclude(first_name="").values_list("first_name", flat=True))
    public_faq = FaqEntry.objects.filter(visibility=Visibility.PUBLIC)
    assert public_faq.exists()
    for entry in public_faq:
        text = f"{entry.question} {entry.answer}"
        assert not {name for name in first_names if re.search(rf"\b{name}\b", text)}, entry.question
        assert "ressources" not in text, entry.question


@pytest.mark.django_db
def test_demo_command_refuses_without_debug_unless_forced():
    """(Forced, it loads: the test above.)"""
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo", stdout=io.StringIO())


def _manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**environment, **env},
        capture_output=True,
        text=True,
    )


def test_production_settings_pass_the_deploy_check():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="workspace.settings.production",
        SECRET_KEY="a-real-secret-key-of-sufficient-length-and-entropy-1234567890-abcdef",
        ALLOWED_HOSTS="pdn66.example.org",
        DEBUG="false",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr


def test_production_settings_require_a_secret_key():
    result = _manage("check", DJANGO_SETTINGS_MODULE="workspace.settings.production", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_the_default_workflow_and_its_task_have_a_french_name(client_as, users):
    from importlib import import_module

    from django.apps import apps
    from wagtail.models import Task, Workflow

    migration = import_module("workspace.pages.migrations.0002_default_workflow_in_french")

    def names():
        workflows, tasks = Workflow.objects.values_list("name", flat=True), Task.objects.values_list("name", flat=True)
        return sorted(workflows), sorted(tasks)

    default = Workflow.objects.get(workflow_pages__page__depth=1)  # Wagtail's, on the whole tree
    assert default.name == "Validation par les modérateurs"
    assert [task.name for task in default.tasks] == ["Validation par les modérateurs"]
    french = names()
    assert "Moderators approval" not in str(french)
    listing = client_as("coordination").get("/admin/workflows/list/").content.decode()
    assert "Validation par les modérateurs" in listing and "Moderators approval" not in listing

    migration.to_french(apps, None)  # run again: nothing changes
    assert names() == french
    migration.to_english(apps, None)  # reversed: Wagtail's name, the others untouched
    assert Workflow.objects.get(pk=default.pk).name == "Moderators approval"
    assert "Relecture" in names()[0]
    migration.to_french(apps, None)
    assert names() == french
