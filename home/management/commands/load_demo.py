from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

# Each app contributes its demo content through a ``load(stdout)`` function that
# returns the accounts it wants printed. Order matters: later loaders use earlier data.
LOADERS = (
    "home.demo.load",
    "network.directory.demo.load",
    "network.directory.demo_relays.load",
    "network.activity.demo.load",
    "network.events.demo.load",
    "network.coordination.demo_network.load",
    "network.coordination.demo.load",
    "network.coordination.demo_committees.load",
    "network.coordination.demo_joining.load",
    "resources.exchanges.demo.load",
    "resources.library.demo.load",
)


class Command(BaseCommand):
    help = "Charge un contenu de démonstration fictif (comptes, annuaire, pages). Peut être relancée sans doublon."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Autorise le chargement alors que DEBUG est désactivé."
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG est désactivé : ce site ressemble à une production. Le contenu de démonstration "
                "n'est chargé qu'avec --force."
            )
        accounts = []
        with transaction.atomic():
            for path in LOADERS:
                accounts += import_string(path)(self.stdout) or []
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration chargé."))
        self.stdout.write("")
        self.stdout.write("Comptes de démonstration (identifiant / mot de passe — rôle) :")
        for username, password, label in accounts:
            self.stdout.write(f"  {username:<18} {password:<16} {label}")
