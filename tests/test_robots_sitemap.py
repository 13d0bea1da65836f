"""What crawlers get: /robots.txt keeps them out of the members' and committees' spaces and the admin
and points to the sitemap; the sitemap lists every public address (pages, public directory sheets of
consenting promeneurs, structures, public relays, public events) and nothing members-only; its
addresses name the real host once `manage.py set_site_host` has run, never localhost."""

import xml.etree.ElementTree as ET
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from tests.factories import EventFactory, PromeneurFactory, StructureFactory, UserFactory, news_page, publication_page

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    locations = [url.findtext("s:loc", namespaces=NS) for url in root.findall("s:url", NS)]
    assert len(locations) == len(set(locations)), "an address twice"
    return locations


def paths(locations, root):
    assert all(location.startswith(root + "/") for location in locations), locations
    return {location.removeprefix(root) for location in locations}


def test_robots_txt_disallows_the_private_spaces_and_points_to_the_sitemap(client, settings):
    settings.SITE_URL = "https://pdn66.example.org"
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for private in ("/espace/", "/comites/", "/admin/", "/flux/", "/calendrier/"):
        assert f"Disallow: {private}" in lines
    assert "Disallow: /" not in lines  # the public site stays open
    assert "Sitemap: https://pdn66.example.org/sitemap.xml" in lines


def test_the_sitemap_lists_every_public_address_and_nothing_private(client):
    public = PromeneurFactory(user=None, first_name="Anna", last_name="Prat", public_listing=True)
    private = PromeneurFactory(user=None, first_name="Bruno", last_name="Caché", public_listing=False)
    former = PromeneurFactory(user=None, first_name="Carla", last_name="Partie", public_listing=True, is_active=False)
    closed = StructureFactory(name="Structure fermée", status="inactive")
    public_event = EventFactory(title="Forum public", audience="public")
    members_event = EventFactory(title="Formation des membres", audience="membres")
    publication = publication_page("Bilan public", date="2026-11-01")
    news_page("Actualité des membres")

    found = paths(sitemap_locations(client), "http://localhost")
    expected = {
        "/",
        "/le-dispositif/",
        "/annuaire/",
        "/annuaire/relais/",
        f"/annuaire/{public.slug}/",
        f"/annuaire/structure/{public.structure.slug}/",
        "/agenda/",
        f"/evenements/{public_event.pk}/",
        "/publications/",
        publication.url,
    }
    assert expected <= found, expected - found
    for hidden in (
        f"/annuaire/{private.slug}/",
        f"/annuaire/{former.slug}/",
        f"/annuaire/structure/{closed.slug}/",
        f"/evenements/{members_event.pk}/",
    ):
        assert hidden not in found
    assert not [path for path in found if path.startswith(("/espace/", "/comites/", "/admin/"))]


def test_set_site_host_gives_the_sitemap_the_real_host(client, settings):
    assert Site.objects.get(is_default_site=True).hostname == "localhost"  # what the migrations create
    PromeneurFactory(user=UserFactory(role="promeneur"), public_listing=True)
    settings.SITE_URL = "https://pdn66.example.org"
    out = StringIO()
    call_command("set_site_host", stdout=out)
    assert "https://pdn66.example.org" in out.getvalue()
    locations = sitemap_locations(client)
    assert locations and not [location for location in locations if "localhost" in location]
    paths(locations, "https://pdn66.example.org")

    call_command("set_site_host", stdout=out)  # a second run changes nothing
    assert "déjà" in out.getvalue()
    call_command("set_site_host", "--url", "http://pdn66.example.org:8080", stdout=out)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("pdn66.example.org", 8080)


@pytest.mark.parametrize("url", ["", "pdn66.example.org", "ftp://pdn66.example.org", "https://", "https://h:port"])
def test_set_site_host_refuses_an_address_that_is_not_a_site(url):
    with pytest.raises(CommandError):
        call_command("set_site_host", "--url", url or " ", stdout=StringIO())
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
