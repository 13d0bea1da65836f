"""The public home (issue 15): a "Trouver un promeneur" box that sends the town to the public
directory, and "Besoin d'aide maintenant ?" with the national lines, each a tel: link, read from the
relays marked as national and public; a relay saved refreshes the cached home."""

import re

import pytest
from django.test import Client

from network.directory.models import Relay
from tests.factories import PromeneurFactory, RelayFactory, StructureFactory

pytestmark = pytest.mark.django_db


def home(client=None):
    response = (client or Client()).get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_home_has_a_labelled_box_that_searches_the_directory_by_town(client):
    html = home(client)
    form = re.search(r'<form class="find-promeneur" action="([^"]+)" method="get"[^>]*>(.*?)</form>', html, re.S)
    assert form, "no « Trouver un promeneur » form"
    action, fields = form.groups()
    assert action == "/annuaire/#resultats"  # the answer opens on its results
    assert "Trouver un promeneur" in fields
    assert '<label for="find-q">' in fields and 'id="find-q"' in fields and 'name="q"' in fields
    assert '<button type="submit">Trouver</button>' in fields


def test_what_the_box_sends_finds_the_promeneurs_of_the_town(client):
    structure = StructureFactory(name="Mission locale du Vallespir", commune="Céret", postcode="66400")
    PromeneurFactory(user=None, first_name="Marta", last_name="Bosch", structure=structure)
    assert "Marta Bosch" in client.get("/annuaire/", {"q": "ceret"}).content.decode()


def test_help_now_lists_the_public_national_lines_as_tel_links(client):
    RelayFactory(organisation="Maison des ados locale", phone="04 68 00 10 10", is_public=True)
    html = home(client)
    block = html.split('id="help-now-title"')[1].split("</section>")[0]
    assert "Besoin d'aide maintenant ?" in html
    for number in ("3114", "119", "3020", "3018"):
        assert f'href="tel:{number}"' in block
    assert 'href="tel:0800235236"' in block  # Fil Santé Jeunes, "0 800 235 236"
    assert "Allô Enfance en Danger" in block and "119 – Allô" not in block  # the number is not said twice
    assert "Maison des ados locale" not in block  # a local relay is on the relays page, not here
    assert 'href="/annuaire/relais/"' in block


def test_a_national_line_kept_for_members_is_not_on_the_home(client):
    Relay.objects.filter(phone="3020").update(is_public=False)
    block = home(client).split('id="help-now-title"')[1].split("</section>")[0]
    assert 'href="tel:3020"' not in block and 'href="tel:3114"' in block


def test_a_relay_saved_refreshes_the_cached_home(page_cache):
    visitor = Client()
    assert visitor.get("/").get("X-Wagtail-Cache") == "miss"
    assert visitor.get("/").get("X-Wagtail-Cache") == "hit"
    line = Relay.objects.get(phone="3020")
    line.phone = "3021"
    line.organisation = "3021 – Non au harcèlement"
    line.save()
    response = visitor.get("/")
    assert response.get("X-Wagtail-Cache") == "miss"
    assert 'href="tel:3021"' in response.content.decode()
    RelayFactory(organisation="Ligne nationale nouvelle", phone="3999", is_national_emergency=True, is_public=True)
    assert 'href="tel:3999"' in visitor.get("/").content.decode()
