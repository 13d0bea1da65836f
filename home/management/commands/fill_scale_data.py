import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.scale import EMAIL_DOMAIN, PASSWORD, ScaleFiller, analyze, real_promeneurs
from workspace.display import agreed, count_of


class Command(BaseCommand):
    help = (
        "Remplit une base jetable à l'échelle nationale (promeneurs, grilles, pages, événements, échanges) "
        "par insertions groupées, pour mesurer la vitesse du site. Refuse une base qui contient de vraies données."
    )

    def add_arguments(self, parser):
        parser.add_argument("--promeneurs", type=int, default=3000)
        parser.add_argument("--relays", type=int, default=1000, help="Relais (défaut : 1000).")
        parser.add_argument("--resources", type=int, default=10000, help="Pages de l'espace et publications.")
        parser.add_argument("--events", type=int, default=2000)
        parser.add_argument("--grids", type=int, default=150000)
        parser.add_argument("--exchanges", type=int, default=20000, help="Discussions (trois messages chacune).")
        parser.add_argument("--no-index", action="store_true", help="N'indexe pas les pages pour la recherche.")
        parser.add_argument(
            "--force", action="store_true", help="Écrit même si DEBUG est désactivé ou si la base a de vraies données."
        )

    def handle(self, *args, **options):
        if not options["force"]:
            self.refuse_real_data()
        if options["promeneurs"] < 1 and (options["grids"] or options["events"] or options["exchanges"]):
            raise CommandError("Les grilles, événements et échanges ont besoin d'au moins un promeneur (--promeneurs).")
        started = time.perf_counter()
        filler = ScaleFiller(self.stdout)
        with transaction.atomic():
            people = filler.directory(options["promeneurs"], options["relays"])
            filler.grids(people, options["grids"])
            filler.events(people, options["events"])
            filler.exchanges(people, options["exchanges"])
            filler.pages(options["resources"], index=not options["no_index"])
        analyze()
        self.stdout.write(
            self.style.SUCCESS(f"Base remplie en {time.perf_counter() - started:.0f} s.")
            + f" Comptes : echelle-{filler.offset}… (mot de passe {PASSWORD}), e-mails @{EMAIL_DOMAIN}."
        )

    def refuse_real_data(self):
        if not settings.DEBUG:
            raise CommandError(
                "DEBUG est désactivé : ce site ressemble à une production. Cette commande écrit des milliers de "
                "fiches fictives ; elle ne s'exécute sur cette base qu'avec --force."
            )
        real = real_promeneurs()
        if real:
            raise CommandError(
                f"Cette base contient {count_of(len(real), 'promeneur')} qui ne "
                f"{agreed(len(real), 'vient', 'viennent')} ni de la démonstration ni de cette commande (e-mail hors "
                "du domaine example.org) : ce sont peut-être de vraies personnes. Rien n'a été écrit. Utilisez une "
                "base jetable, ou --force si vous êtes sûr de vous."
            )
