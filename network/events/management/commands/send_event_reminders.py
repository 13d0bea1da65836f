import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from network.events import notifications as notifications
from network.events.models import Registration
from workspace.display import count_of


def registrations_to_remind(today=None):
    """Confirmed registrations to events starting tomorrow (Europe/Paris) not yet reminded."""
    today = today or timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    # Python adds a day to a Paris time on the wall clock: the day of the clock change (23 or 25 hours)
    # ends at its midnight (test_the_eve_of_the_october_clock_change_reminds_the_events_of_its_25th_hour).
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
            with transaction.atomic():
                # Claimed and queued together: a run at the same time (cron retried, a second server)
                # finds it taken and sends nothing, and a run stopped here leaves it to the next.
                claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
                    reminder_sent_at=timezone.now()
                )
                if not claimed:
                    continue
                notifications.reminder(registration)
            sent += 1
        self.stdout.write(f"{count_of(sent, 'rappel envoyé', 'rappels envoyés')}.")
