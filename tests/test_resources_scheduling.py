"""A page scheduled in the admin (« Date de publication ») stays out of every listing until its date,
then goes live by the `publish_scheduled` command, which the deployment must run (README's cron)."""

import datetime
import pathlib
import re
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from resources.library.feeds import FEEDS_PURPOSE
from resources.library.models import WatchPage
from tests.pages import page_at
from workspace.accounts.tokens import SecretToken

pytestmark = pytest.mark.django_db

README = pathlib.Path(__file__).resolve().parent.parent / "README.md"
TITLE = "Rapport annuel sur les usages numériques des 15-25 ans"


def test_the_deployment_runs_the_scheduled_publications():
    """Without `publish_scheduled` in the cron, a scheduled page never goes live (nor expires)."""
    cron = re.search(r"## Tâches planifiées.*?```cron\n(.*?)```", README.read_text(), re.S).group(1)
    assert re.search(r"manage\.py publish_scheduled\b", cron)


def test_a_page_scheduled_in_the_admin_appears_nowhere_before_its_date_then_everywhere(client_as, users):
    index = page_at("/espace/veille/")
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    response = client_as("coordination").post(
        f"/admin/pages/add/library/watchpage/{index.pk}/",
        {
            "title": TITLE,
            "link": "https://example.org/rapport",
            "commentary": "Les chiffres de l'année.",
            "slug": "",
            "date": "",
            "tags": "",
            "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302
    item = WatchPage.objects.get(title=TITLE)
    assert not item.live and item.go_live_at is not None

    promeneur = client_as("promeneur")
    key = SecretToken.for_user(users["promeneur"], FEEDS_PURPOSE).key
    places = ("/espace/veille/", "/espace/", f"/flux/{key}/", "/recherche/?q=rapport+annuel")
    for url in places:
        assert TITLE not in promeneur.get(url).content.decode(), url
    assert promeneur.get(item.url_path.removeprefix("/accueil")).status_code == 404

    # The date has come: the command (cron) publishes it.
    later = timezone.now() + datetime.timedelta(days=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    item.refresh_from_db()
    assert item.live
    for url in places:
        assert TITLE in promeneur.get(url).content.decode(), url
