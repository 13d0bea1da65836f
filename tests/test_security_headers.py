"""Content-Security-Policy, Permissions-Policy and what the admin sends to third parties."""

import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.test import override_settings
from wagtail.embeds.models import Embed

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE_DIRS = ("workspace", "home", "network", "resources")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]*\sstyle\s*=", re.IGNORECASE)


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_pages_get_the_strict_policy(client):
    response = client.get("/connexion/")
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_every_response_restricts_powerful_features(client):
    permissions = client.get("/connexion/")["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation"):
        assert f"{feature}=()" in permissions


def test_the_admin_works_under_its_own_policy(client_as):
    response = client_as("coordination").get("/admin/")
    assert response.status_code == 200
    assert "Tableau de bord" in response.content.decode()
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]


@override_settings(ROOT_URLCONF="tests.urls_with_error")
def test_the_server_error_page_keeps_its_inline_style_and_nothing_more(client):
    client.raise_request_exception = False
    response = client.get("/erreur-de-test/")
    assert response.status_code == 500
    policy = directives(response)
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["script-src"] == ["'self'"]


def our_templates():
    for directory in TEMPLATE_DIRS:
        yield from (ROOT / directory).rglob("templates/**/*.html")


@pytest.mark.parametrize("pattern", [INLINE_SCRIPT, EVENT_HANDLER, STYLE_ATTRIBUTE], ids=["script", "on*", "style"])
def test_no_template_of_ours_needs_inline_code(pattern):
    offenders = [str(path.relative_to(ROOT)) for path in our_templates() if pattern.search(path.read_text())]
    assert offenders == []


def test_video_embeds_need_no_inline_style():
    embed = Embed(url="https://video.example.org/v/1", html='<iframe src="https://video.example.org/embed/1"></iframe>')
    embed.width, embed.height = 560, 315
    html = render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
    assert "video.example.org/embed/1" in html
    assert "style=" not in html


def test_the_admin_loads_no_avatar_from_gravatar(client_as):
    body = client_as("coordination").get("/admin/").content.decode()
    assert "gravatar" not in body.lower()
