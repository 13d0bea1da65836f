"""When a member was last here: what appeared since is "nouveau" on the members' home.

A visit is a stay of the member on the site: it starts when they come back after ``VISIT_GAP``.
The record is written once per visit, not on every page, and for the whole visit the reference
stays the visit before it (what was new at the first page is still marked new at the tenth).
The answer is kept in the member's own session for the rest of the visit: the home's later
requests read no row for it.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

SESSION_KEY = "member_visit"
VISIT_GAP = timezone.timedelta(minutes=30)
# A member's first visit: what appeared in the last month is new to them.
FIRST_VISIT_WINDOW = timezone.timedelta(days=30)


class MemberVisit(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+", verbose_name="Membre"
    )
    started_at = models.DateTimeField("Début de la visite en cours")
    previous_at = models.DateTimeField("Visite précédente", null=True, blank=True)

    class Meta:
        verbose_name = "Dernière visite"
        verbose_name_plural = "Dernières visites"

    def __str__(self):
        return f"Dernière visite de {self.user}"


def last_visit(user, now=None):
    """The moment ``user``'s previous visit began, and record the current one if it is new.

    A visit recorded in the future (a clock set back) counts as now, and is corrected."""
    now = now or timezone.now()
    visit = MemberVisit.objects.filter(user=user).first()
    if visit is None:
        visit = MemberVisit.objects.create(user=user, started_at=now, previous_at=now - FIRST_VISIT_WINDOW)
        return visit.previous_at
    started_at = min(visit.started_at, now)
    if now - started_at >= VISIT_GAP:
        visit.previous_at, visit.started_at = started_at, now
        visit.save(update_fields=["previous_at", "started_at"])
    elif visit.started_at > now:
        visit.started_at = now
        visit.save(update_fields=["started_at"])
    return min(visit.previous_at or now - FIRST_VISIT_WINDOW, now)


def since_last_visit(request, now=None):
    """``last_visit`` of the logged-in member, asked once per visit and kept in their session."""
    now = now or timezone.now()
    kept = request.session.get(SESSION_KEY) or {}
    try:
        checked_at = datetime.datetime.fromisoformat(kept["checked_at"])
        if datetime.timedelta(0) <= now - checked_at < VISIT_GAP:
            return datetime.datetime.fromisoformat(kept["since"])
    except (KeyError, TypeError, ValueError):
        pass
    since = last_visit(request.user, now)
    request.session[SESSION_KEY] = {"since": since.isoformat(), "checked_at": now.isoformat()}
    return since
