"""The weekly digest: what is new in the members' space, one e-mail per member who wants it.

Each section is a function ``section(user, since) -> DigestSection | None`` listed in
SECTIONS (dotted paths), so that other features (events, …) add theirs with one line.
"""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from wagtail.models import Page

from network.events.models import Event
from resources.exchanges.models import ExchangeIndexPage
from resources.exchanges.models.discussions import Discussion, ExchangePreferences
from resources.exchanges.notifications import PREFERENCES_PATH, members
from workspace import mail
from workspace.accounts.access import exclude_hidden_subtrees
from workspace.display import count_of, french_date

SECTIONS = (
    "resources.exchanges.digest.new_discussions",
    "resources.exchanges.digest.new_space_pages",
    "resources.exchanges.digest.new_events",
)
DEFAULT_PERIOD = timezone.timedelta(days=7)
# How late a weekly run may be (cron retried, a server down for the night, the October clock change
# that makes a week one hour longer than 7 days) and still start each window at the last digest.
LATE_RUN_GRACE = timezone.timedelta(days=1)
DIGEST = "lettre-hebdomadaire"

logger = logging.getLogger(__name__)


def digest_list():
    return mail.MailingList(
        name=DIGEST,
        label="la lettre hebdomadaire de l'espace membres",
        unsubscribe=lambda user: ExchangePreferences.objects.update_or_create(
            user=user, defaults={"weekly_digest": False}
        ),
        preferences_path=PREFERENCES_PATH,
    )


@dataclass
class DigestItem:
    title: str
    url: str
    detail: str = ""


@dataclass
class DigestSection:
    title: str
    items: list = field(default_factory=list)


def new_discussions(user, since):
    index = ExchangeIndexPage.objects.live().first()
    if index is None:
        return None
    discussions = Discussion.objects.visible_to_every_member().filter(created_at__gte=since).order_by("created_at")
    items = [
        DigestItem(
            d.title, mail.absolute_url(f"{index.url}{d.pk}/"), f"{d.get_category_display()} · {d.get_kind_display()}"
        )
        for d in discussions
    ]
    return DigestSection("Nouvelles discussions dans les échanges", items)


def new_space_pages(user, since):
    """Pages published under /espace/ (resources, veille, news, trainings…) that the member may see."""
    space = Page.objects.filter(url_path="/accueil/espace/").first()
    if space is None:
        return None
    pages = exclude_hidden_subtrees(
        Page.objects.descendant_of(space).live().filter(first_published_at__gte=since), user
    ).order_by("first_published_at")
    items = [DigestItem(page.title, mail.absolute_url(page.url or ""), "") for page in pages]
    return DigestSection("Nouveautés publiées dans l'espace membres", items)


def new_events(user, since):
    """Events of the agenda announced (created) since the last digest and not over yet, among
    those the member may see (Event.objects.visible_to). Only what is new: an event already
    announced is not repeated every week, so a week without news sends no e-mail."""
    events = Event.objects.visible_to(user).upcoming().filter(created_at__gte=since, is_cancelled=False)
    items = [
        DigestItem(
            event.title,
            mail.absolute_url(event.get_absolute_url()),
            f"{event.get_kind_display()} · {french_date(event.start, 'l j F Y à H:i')}",
        )
        for event in events
    ]
    return DigestSection("Nouveaux rendez-vous à l'agenda", items)


def build_digest(user, since):
    sections = [import_string(path)(user, since) for path in SECTIONS]
    return [section for section in sections if section and section.items]


def recipients():
    """Members of the space (notifications.members) who have not turned the digest off."""
    opted_out = ExchangePreferences.objects.filter(weekly_digest=False).values("user_id")
    return members().exclude(pk__in=opted_out).order_by("pk")


def digest_message(user, sections, since):
    context = {
        "user": user,
        "sections": sections,
        "since": since,
        "preferences_url": mail.absolute_url(PREFERENCES_PATH),
    }
    return mail.message("exchanges/emails/digest", context, [user.email], unsubscribe=(user, DIGEST))


def digest_window_start(last_sent, now, period=DEFAULT_PERIOD):
    """Where a member's digest starts: at their last one, so that nothing is missed nor repeated
    between two runs, even when this run is late (a cron retried, an hour less in a week that
    crosses the October clock change); only a last digest older than ``period`` and the grace
    (a member back after turning it off, or never sent one) starts ``period`` ago instead."""
    if last_sent is not None and last_sent >= now - period - LATE_RUN_GRACE:
        return last_sent
    return now - period


def send_digests(now=None, period=DEFAULT_PERIOD, dry_run=False, stdout=None):
    """One e-mail per member with what appeared since their last digest (at most ``period`` ago).
    Returns the number of e-mails sent; a second run the same day finds nothing new.

    Each member is done in their own transaction, their preferences row locked: the e-mail is
    queued and their window moved on together, so a run stopped half-way (or failing on one
    member) is finished by the next without writing twice to those already done, and two runs
    at once (two servers) do not both send it."""
    sent = 0
    failures = []
    for user in recipients():
        try:
            with transaction.atomic():
                sent += _send_digest(user, now, period, dry_run, stdout)
        except Exception:  # one member's failure must not deprive the others of their digest
            logger.exception("Lettre hebdomadaire de l'utilisateur %s non envoyée", user.pk)
            failures.append(user)
    if failures:
        raise DigestFailed(sent, failures)
    return sent


class DigestFailed(Exception):
    def __init__(self, sent, failures):
        super().__init__(f"{len(failures)} lettre(s) non envoyée(s)")
        self.sent, self.failures = sent, failures


def _send_digest(user, now, period, dry_run, stdout):
    if dry_run:
        prefs = ExchangePreferences.objects.filter(user=user).first()
    else:
        ExchangePreferences.objects.get_or_create(user=user)
        # A second run at the same time waits here, then reads the window the first one moved.
        prefs = ExchangePreferences.objects.select_for_update().get(user=user)
    # Read once the lock is held: what a run that went before has just sent is not sent again.
    now = now or timezone.now()
    last_sent = prefs.digest_sent_at if prefs else None
    if (prefs and not prefs.weekly_digest) or (last_sent is not None and last_sent >= now):
        return 0
    since = digest_window_start(last_sent, now, period)
    sections = build_digest(user, since)
    if sections and stdout:
        stdout.write(f"{user.email} : {count_of(sum(len(s.items) for s in sections), 'nouveauté')}")
    if dry_run:
        return 1 if sections else 0
    if sections:
        mail.send([digest_message(user, sections, since)])
    # Moved on even without news: the next window starts here, whenever the next run comes.
    prefs.digest_sent_at = now
    prefs.save(update_fields=["digest_sent_at"])
    return 1 if sections else 0
