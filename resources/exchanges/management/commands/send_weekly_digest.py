from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from resources.exchanges.digest import DigestFailed, send_digests
from workspace.display import agreed, count_of


class Command(BaseCommand):
    help = (
        "Envoie la lettre hebdomadaire de l'espace membres (nouvelles discussions, pages publiées) "
        "aux membres qui ne l'ont pas désactivée. À lancer une fois par semaine (cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="Période couverte au plus (jours, 7 par défaut).")
        parser.add_argument("--dry-run", action="store_true", help="Affiche les destinataires sans rien envoyer.")

    def handle(self, *args, days=7, dry_run=False, **options):
        try:
            count = send_digests(period=timezone.timedelta(days=days), dry_run=dry_run, stdout=self.stdout)
        except DigestFailed as failed:
            # A non-zero exit: cron mails the operator; the next run sends the missing letters only.
            addresses = ", ".join(user.email for user in failed.failures)
            raise CommandError(
                f"{count_of(failed.sent, 'lettre hebdomadaire envoyée', 'lettres hebdomadaires envoyées')} ; "
                f"en échec (voir le journal) : {addresses}. Relancez la commande : "
                "les lettres déjà envoyées ne le seront pas deux fois."
            ) from failed
        verb = agreed(count, "serait envoyée", "seraient envoyées") if dry_run else agreed(count, "envoyée")
        letters = count_of(count, "lettre hebdomadaire", "lettres hebdomadaires")
        self.stdout.write(self.style.SUCCESS(f"{letters} {verb}."))
