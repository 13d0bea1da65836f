"""scripts/run-demo.sh: the quick start serves where PORT says, and its e-mails link there."""

import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "run-demo.sh"


def _settings_lines():
    """The script's lines that set its environment, before it runs anything."""
    lines = SCRIPT.read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("export DJANGO_SETTINGS_MODULE"))
    end = next(i for i, line in enumerate(lines) if "manage.py migrate" in line)
    return "\n".join(lines[start:end])


@pytest.mark.parametrize(
    ("port", "site_url"),
    [("8812", "http://127.0.0.1:8812"), ("0.0.0.0:8080", "http://0.0.0.0:8080"), ("", "http://127.0.0.1:8000")],
)
def test_the_demo_links_its_e_mails_to_the_address_it_serves(port, site_url):
    environment = {"PATH": "/usr/bin:/bin", **({"PORT": port} if port else {})}
    shell = f'set -eu\n{_settings_lines()}\necho "$SITE_URL"'
    result = subprocess.run(["bash", "-c", shell], env=environment, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == site_url


def test_the_demo_gives_its_address_to_the_wagtail_site():
    """Like a deployment (README, « Déployer »): set_site_host after migrate, so that the demo's
    sitemap names the address it serves, not the http://localhost/ the migrations created."""
    lines = [line.strip() for line in SCRIPT.read_text().splitlines()]
    migrate = next(i for i, line in enumerate(lines) if "manage.py migrate" in line)
    serve = next(i for i, line in enumerate(lines) if "manage.py runserver" in line)
    assert any("manage.py set_site_host" in line for line in lines[migrate:serve])
