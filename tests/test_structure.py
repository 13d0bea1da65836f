"""The structure's promises: one permission vocabulary for site and admin, pages that inherit
the space's restriction, a sitemap asked of the access rule, imports that run one way, and
data migrations that survive a second run and a tree the coordinator has changed."""

import ast
import re
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page

from network.activity.models import ActivityGrid
from network.directory.models import Promeneur
from network.events.models import Event
from resources.exchanges.models import Discussion
from resources.library.models import MyFeedsPage
from tests.exchanges_helpers import discussion_url, message_action
from tests.factories import (
    ActivityGridFactory,
    DiscussionFactory,
    EventFactory,
    MessageFactory,
    PromeneurFactory,
    StructureFactory,
    UserFactory,
)
from workspace.pages.models import SpacePage

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def grant(user, label):
    app_label, codename = label.split(".")
    user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    # A fresh object: Django caches a user's permissions on the instance.
    return type(user).objects.get(pk=user.pk)


# One permission vocabulary: the site asks the model permission the admin asks


def test_reopening_a_grid_on_the_site_asks_the_admins_permission_not_a_group_name(client, users):
    grid = ActivityGridFactory(promeneur=Promeneur.objects.get(user=users["promeneur"]), hours_per_week=3)
    colleague = UserFactory(username="colleague", role="promeneur")
    url = f"/espace/mon-activite/grilles/{grid.pk}/rouvrir/"

    client.force_login(colleague)
    assert client.post(url).status_code == 403
    grid.refresh_from_db()
    assert grid.status == ActivityGrid.Status.SUBMITTED

    client.force_login(grant(colleague, "activity.change_activitygrid"))
    assert client.post(url).status_code == 302
    grid.refresh_from_db()
    assert grid.status == ActivityGrid.Status.REOPENED


def test_moderating_a_message_on_the_site_asks_the_admins_permission(client, users):
    message = MessageFactory(discussion=DiscussionFactory(author=users["promeneur"]), author=users["promeneur"])
    colleague = UserFactory(username="colleague", role="promeneur")
    data = {"reason": "Hors cadre.", "action": "hide"}

    client.force_login(colleague)
    assert client.post(message_action(message, "moderer"), data).status_code == 403
    message.refresh_from_db()
    assert not message.hidden

    client.force_login(grant(colleague, "exchanges.change_message"))
    assert client.post(message_action(message, "moderer"), data).status_code == 302
    message.refresh_from_db()
    assert message.hidden


def test_a_hidden_discussion_is_read_by_its_author_and_moderators_only(client, users):
    discussion = DiscussionFactory(author=users["promeneur"], hidden=True)
    colleague = UserFactory(username="colleague", role="promeneur")
    for user, expected in ((users["promeneur"], 200), (colleague, 404), (users["coordination"], 200)):
        client.force_login(user)
        assert client.get(discussion_url(discussion)).status_code == expected, user
        assert (discussion in Discussion.objects.visible_to(user)) == (expected == 200)


def test_who_sees_every_event_on_the_site_is_who_lists_them_in_the_admin(users):
    committee_event = EventFactory(audience=Event.Audience.COMMITTEE, committee="Comité technique")
    colleague = UserFactory(username="colleague", role="promeneur")
    assert committee_event not in Event.objects.visible_to(colleague)
    assert committee_event in Event.objects.visible_to(grant(colleague, "events.view_event"))
    assert committee_event in Event.objects.visible_to(users["coordination"])


def test_the_admins_way_to_the_coverage_asks_the_rule_not_the_group(client):
    colleague = grant(UserFactory(username="colleague", role="promeneur"), "wagtailadmin.access_admin")
    client.force_login(colleague)
    assert client.get("/admin/couverture/")["Location"] == "/admin/"  # the admin's refusal

    client.force_login(grant(colleague, "activity.view_activitygrid"))
    assert client.get("/admin/couverture/")["Location"] == "/comites/chiffres-cles/couverture/"


def test_the_coverage_links_to_the_structures_for_who_may_edit_them(client, users):
    PromeneurFactory(structure=StructureFactory(name="Structure sans commune", commune=""))
    link = "/admin/snippets/directory/structure/"
    client.force_login(users["technique"])
    assert link not in client.get("/comites/chiffres-cles/couverture/").content.decode()

    client.force_login(grant(users["technique"], "directory.change_structure"))
    assert link in client.get("/comites/chiffres-cles/couverture/").content.decode()


# Group names are read by the vocabulary (workspace/accounts/roles.py) and by the few places where
# the role itself is the question; everywhere else the code asks a model permission or a named rule.
GROUP_CHECKS = ("is_coordination(", "user_groups(")
ROLE_QUESTIONS = {
    "workspace/accounts/roles.py": "the vocabulary itself",
    "workspace/accounts/context_processors.py": "the templates' flags (the header's way to the admin)",
    "workspace/cockpit/wagtail_hooks.py": "the admin's home page of the Coordination role",
    "network/coordination/models/charter.py": "who must accept the charter: a promeneur, not the coordination",
}


def group_checks_outside_the_vocabulary():
    found = []
    for layer in LAYERS:
        for path in (ROOT / layer).rglob("*.py"):
            relative = str(path.relative_to(ROOT))
            if "migrations" in path.parts or relative in ROLE_QUESTIONS:
                continue
            source = path.read_text()
            found += [f"{relative}: {check}" for check in GROUP_CHECKS if check in source]
    return found


def test_views_and_admin_code_ask_a_rule_not_a_group_name():
    assert group_checks_outside_the_vocabulary() == []


def test_a_group_name_check_outside_the_vocabulary_is_caught(monkeypatch):
    monkeypatch.delitem(ROLE_QUESTIONS, "network/coordination/models/charter.py")
    assert group_checks_outside_the_vocabulary() == [
        "network/coordination/models/charter.py: is_coordination(",
        "network/coordination/models/charter.py: user_groups(",
    ]


# Pages under the space inherit its restriction


def test_my_feeds_is_a_page_of_the_space_and_inherits_its_restriction():
    page = MyFeedsPage.objects.get()
    space = SpacePage.objects.get()
    assert page.get_parent().pk == space.pk
    assert {r.pk for r in page.get_view_restrictions()} == {r.pk for r in space.get_view_restrictions()}


# The sitemap asks the access rule


def test_the_sitemap_lists_every_public_page_and_nothing_restricted(client):
    body = client.get("/sitemap.xml").content.decode()
    assert "/le-dispositif/" in body and "/annuaire/" in body and "/publications/" in body
    assert "/espace/" not in body and "/comites/" not in body


# Imports run one way: workspace <- network <- resources <- home

LAYERS = ["workspace", "network", "resources", "home"]


def imported_packages(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0]


def test_no_layer_imports_a_higher_one():
    wrong = []
    for rank, layer in enumerate(LAYERS):
        higher = set(LAYERS[rank + 1 :])
        for path in (ROOT / layer).rglob("*.py"):
            found = [package for package in imported_packages(path) if package in higher]
            wrong += [f"{path.relative_to(ROOT)} imports {package}" for package in found]
    assert wrong == []


def test_sibling_apps_of_a_layer_import_one_way():
    """Within network/: directory ← events ← activity ← coordination (the README's order)."""
    forbidden = {
        "network/directory": ("network.events", "network.activity", "network.coordination"),
        "network/events": ("network.activity", "network.coordination"),
        "network/activity": ("network.coordination",),
        "resources/library": ("resources.exchanges",),
    }
    wrong = []
    for folder, modules in forbidden.items():
        for path in (ROOT / folder).rglob("*.py"):
            source = path.read_text()
            found = [m for m in modules if f"from {m}" in source or f"import {m}" in source]
            wrong += [f"{path.relative_to(ROOT)} imports {m}" for m in found]
    assert wrong == []


def module_name(path, root):
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path, name, modules):
    """The project modules ``path`` imports, at its top or in a function, as Python loads them:
    ``from a.b import c`` is module a.b.c when there is one, else the package a.b."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            for alias in node.names:
                yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base


def import_graph(root, folders):
    paths = {
        module_name(path, root): path
        for folder in folders
        for path in (root / folder).rglob("*.py")
        if "migrations" not in path.parts
    }
    return {
        name: {module for module in imported_modules(path, name, paths) if module in paths and module != name}
        for name, path in paths.items()
    }


def import_loop(graph):
    """One loop of imports, as the modules that run round it, or []."""
    try:
        list(TopologicalSorter(graph).static_order())
    except CycleError as error:
        return error.args[1]
    return []


def test_no_modules_import_each_other():
    """A loop (page → view → models package → page) hides which module is the lower one: each
    module is read after everything it imports, pages above the views they route to."""
    assert import_loop(import_graph(ROOT, LAYERS)) == []


def test_an_import_loop_is_caught(tmp_path):
    package = tmp_path / "shop"
    (package / "models").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "models" / "__init__.py").write_text("from .pages import ShopPage\nfrom .records import Basket\n")
    (package / "models" / "records.py").write_text("class Basket:\n    pass\n")
    (package / "models" / "pages.py").write_text("def serve():\n    from shop.views import basket\n")
    (package / "views.py").write_text("from shop.models import Basket\n")
    assert set(import_loop(import_graph(tmp_path, ["shop"]))) == {"shop.models", "shop.models.pages", "shop.views"}
    (package / "views.py").write_text("from shop.models.records import Basket\n")
    assert import_loop(import_graph(tmp_path, ["shop"])) == []


# The base layer knows no feature: workspace/ names no feature app, in its code or its templates


def feature_apps():
    """{label: path} of the apps above the base layer."""
    from django.apps import apps

    return {
        config.label: Path(config.path) for config in apps.get_app_configs() if config.name.split(".")[0] in LAYERS[1:]
    }


def test_the_base_layer_names_no_feature_app():
    """Feature apps register themselves (hooks, AppConfig attributes); only the settings list them."""
    labels = set(feature_apps())
    wrong = []
    for path in (ROOT / "workspace").rglob("*.py"):
        if "settings" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and node.value in labels:
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value!r}")
    assert wrong == []


TEMPLATE_TAG = re.compile(r"{%\s*(?:include|extends)\s+[\"']([^\"']+)[\"']")


def feature_templates_used_by_the_base_layer():
    """The base layer's templates that include or extend a template of a feature app."""
    folders = {folder.name for app in feature_apps().values() for folder in (app / "templates").glob("*/")}
    wrong = []
    for path in (ROOT / "workspace").rglob("templates/**/*.html"):
        for name in TEMPLATE_TAG.findall(path.read_text()):
            if name.split("/")[0] in folders:
                wrong.append(f"{path.relative_to(ROOT)} uses {name}")
    return wrong


def test_the_base_layers_templates_use_no_feature_template():
    assert feature_templates_used_by_the_base_layer() == []


def test_a_base_template_including_a_feature_template_is_caught(tmp_path, monkeypatch):
    template = tmp_path / "workspace" / "search" / "templates" / "search" / "notices.html"
    template.parent.mkdir(parents=True)
    template.write_text('{% include "library/includes/card.html" %}')
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert feature_templates_used_by_the_base_layer() == [
        "workspace/search/templates/search/notices.html uses library/includes/card.html"
    ]


# Data migrations: run again, on a changed tree


def migration_module(app_label, name):
    executor = MigrationExecutor(connection)
    migration = executor.loader.get_migration(app_label, name)
    apps = executor.loader.project_state((app_label, name), at_end=True).apps
    return migration, apps


def test_the_site_tree_migration_runs_again_on_a_tree_the_coordinator_changed():
    from importlib import import_module

    build = import_module("home.migrations.0002_site_tree").build
    _, apps = migration_module("home", "0002_site_tree")
    charte = Page.objects.get(url_path="/accueil/charte/")
    charte.delete()  # a middle sibling: numchild + 1 would now name a path that is taken
    Page.objects.get(url_path="/accueil/mentions-legales/").move(
        Page.objects.get(url_path="/accueil/le-dispositif/"), pos="last-child"
    )
    pages_before = Page.objects.count()

    build(apps, None)
    build(apps, None)

    paths = list(Page.objects.values_list("path", flat=True))
    assert len(paths) == len(set(paths))
    url_paths = list(Page.objects.values_list("url_path", flat=True))
    assert len(url_paths) == len(set(url_paths))
    assert Page.objects.get(url_path="/accueil/charte/").get_parent().url_path == "/accueil/"
    # What was missing from its address came back once; the moved page stays where it was put.
    assert Page.objects.filter(url_path="/accueil/le-dispositif/mentions-legales/").exists()
    assert Page.objects.count() == pages_before + 2
    assert all(problems == [] for problems in Page.find_problems())  # treebeard's own check
    assert Page.get_first_root_node().get_descendants().count() == Page.objects.count() - 1


def test_the_seed_and_workflow_migrations_run_again_without_duplicates():
    from importlib import import_module

    from network.directory.models import Relay, Theme

    seed = import_module("network.directory.migrations.0002_seed").seed
    workflow = import_module("resources.library.migrations.0002_review_workflow").build
    _, apps = migration_module("home", "0002_site_tree")
    themes, relays = Theme.objects.count(), Relay.objects.count()
    seed(apps, None)
    workflow(apps, None)
    assert (Theme.objects.count(), Relay.objects.count()) == (themes, relays)
    from wagtail.models import Workflow

    assert Workflow.objects.filter(name="Relecture").count() == 1


def test_the_groups_and_communes_migrations_run_again_without_duplicates():
    from importlib import import_module

    from django.contrib.auth.models import Group

    from network.directory.models import Commune

    create_groups = import_module("workspace.accounts.migrations.0002_create_groups").create_groups
    load_communes = import_module("network.directory.migrations.0003_load_communes").load
    _, apps = migration_module("home", "0002_site_tree")
    groups, communes = Group.objects.count(), Commune.objects.count()
    assert communes > 200  # the département's communes, loaded by the migration

    create_groups(apps, None)
    load_communes(apps, None)

    assert (Group.objects.count(), Commune.objects.count()) == (groups, communes)
