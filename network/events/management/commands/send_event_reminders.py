import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from network.events import notifications as notifications
from network.events.models import Registration
from workspace.display import count_of


def registrations_to_remind(today=None):
    """Confirmed registrations to events starting tomorrow (Europe/Paris) not yet reminded."""
    today = today or timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    end = start + datetime.timedelta(days=1)
    return Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__is_cancelled=False,
        event__start__gte=start,
        event__start__lt=end,
    ).select_related("event", "user")


class Command(BaseCommand):
    help = "Envoie le rappel de la veille aux inscrits des événements de demain (une fois par inscription)."

    def handle(self, *args, **options):
        sent = 0
        for registration in registrations_to_remind():
            notifications.reminder(registration)
            registration.reminder_sent_at = timezone.now()
            registration.save(update_fields=["reminder_sent_at"])
            sent += 1
        self.stdout.write(f"{count_of(sent, 'rappel envoyé', 'rappels envoyés')}.")
