from django.core.management.base import BaseCommand

from workspace.display import count_of
from workspace.outbox.delivery import deliver
from workspace.outbox.models import OutgoingEmail


class Command(BaseCommand):
    help = (
        "Envoie les e-mails en attente dont la prochaine tentative est due et oublie ceux envoyés depuis plus "
        "de 30 jours (à lancer toutes les 5 minutes)."
    )

    def handle(self, *args, **options):
        sent, failed = deliver()
        OutgoingEmail.objects.expired().delete()
        waiting = OutgoingEmail.objects.waiting().count()
        self.stdout.write(f"{count_of(sent, 'envoyé')}, {failed} en échec, {waiting} en attente.")
