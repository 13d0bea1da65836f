"""Gives the default Wagtail Site the host of SITE_URL: the sitemap, the feeds and every absolute link
Wagtail builds (Page.full_url) then name the real site, not the "localhost" the migrations created.
Run at each deployment, after migrate (README, "Déployer"); running it again changes nothing."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def host_and_port(url):
    """("pdn66.example.org", 443) for "https://pdn66.example.org", or a CommandError in French."""
    parts = urlsplit(url or "")
    try:
        port = parts.port
    except ValueError as error:
        raise CommandError(f"Le port de l'adresse « {url} » n'est pas un nombre.") from error
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise CommandError(
            f"« {url} » n'est pas une adresse de site : indiquez-la complète, par exemple https://pdn66.example.org."
        )
    return parts.hostname, port or DEFAULT_PORTS[parts.scheme]


class Command(BaseCommand):
    help = "Donne au site Wagtail par défaut le nom d'hôte et le port de SITE_URL (à lancer après migrate)."

    def add_arguments(self, parser):
        parser.add_argument("--url", help="Adresse publique du site ; par défaut la variable SITE_URL.")

    def handle(self, *args, url=None, **options):
        hostname, port = host_and_port(url or settings.SITE_URL)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("Aucun site Wagtail par défaut : lancez d'abord manage.py migrate.")
        if (site.hostname, site.port) == (hostname, port):
            self.stdout.write(f"Le site est déjà {site.root_url}.")
            return
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
        self.stdout.write(f"Le site est maintenant {site.root_url}.")
