"""What the load balancer asks each application server: can it serve pages?"""

import uuid
from datetime import timedelta

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from workspace.outbox.models import OutgoingEmail

# A message still waiting after this long means the worker is stopped or the mail server is down.
QUEUE_LATE_AFTER = timedelta(minutes=30)


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except DatabaseError:
        return "erreur"


def cache_status():
    # The cache swallows its own errors (the site works uncached), so ask it to keep a value.
    key, value = "health-check", uuid.uuid4().hex
    cache.set(key, value, 10)
    return "ok" if cache.get(key) == value else "indisponible"


def queue_status():
    late = OutgoingEmail.objects.waiting().filter(created_at__lt=timezone.now() - QUEUE_LATE_AFTER)
    return "en retard" if late.exists() else "ok"


@never_cache
def health(request):
    """200 while the database answers, whatever the cache and the queue say: without Redis the site
    works uncached, and a late queue delays e-mails, not pages. Only the database takes a server out."""
    checks = {"database": database_status()}
    checks["cache"] = cache_status()
    checks["queue"] = queue_status() if checks["database"] == "ok" else "inconnu"
    return JsonResponse(checks, status=200 if checks["database"] == "ok" else 503)
