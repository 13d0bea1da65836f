"""Wagtail's reports and redirects, served at their own addresses by the same views exporting
through workspace.exports (workspace/urls.py): the admin's, so the coordination's only."""

from tests.access import coordination_admin

REPORTS = "/admin/reports/"
REDIRECTS = "/admin/redirects/"

ROWS = [
    *(
        (f"{REPORTS}{report}/{results}", coordination_admin())
        for report in ("site-history", "locked", "aging-pages", "workflow", "workflow_tasks")
        for results in ("", "results/")
    ),
    (REPORTS + "site-history/?export=csv", coordination_admin()),
    (REPORTS + "site-history/?export=xlsx", coordination_admin()),
    (REDIRECTS, coordination_admin()),
    (REDIRECTS + "results/", coordination_admin()),
    (REDIRECTS + "?export=csv", coordination_admin()),
]
