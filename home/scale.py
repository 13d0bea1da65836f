"""Fill a scratch database at national size with bulk inserts (``manage.py fill_scale_data``).

Everything made here is fictitious and recognisable: names start with "Échelle", usernames with
"echelle-", e-mails end with "@echelle.example.org" (a domain reserved for examples, that no
real person has). Wagtail pages are inserted without treebeard's one-by-one ``add_child``: their
paths follow the parent's last child (workspace/pages/tree.py's rule), the ``wagtailcore_page``
rows go in with ``bulk_create`` and the specific rows (``library_resourcepage``…) with one
multi-row INSERT per batch, which Django's ``bulk_create`` refuses for multi-table inheritance.
"""

import datetime
import itertools
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from network.activity.models import ActivityGrid, LedAction, NetworkActivity
from network.activity.models.grids import add_months, previous_month
from network.activity.totals import rebuild as rebuild_activity_totals
from network.coordination.models import CharterAcceptance, CharterVersion
from network.directory.models import Promeneur, Relay, SocialProfile, Structure, Territory, Theme
from network.events.models import Event, Registration
from resources.exchanges.models.discussions import Discussion, Message
from resources.exchanges.text import plain_text, render_markdown
from resources.library.models import NewsPage, PublicationPage, ResourcePage, WatchPage
from resources.library.models.resources import Category
from workspace.accounts.roles import PROMENEURS
from workspace.pages.tree import step

BATCH = 5000
EMAIL_DOMAIN = "echelle.example.org"
PASSWORD = "Promeneur66!"
NETWORKS = ("instagram", "snapchat", "tiktok", "discord", "facebook", "youtube")
# How the --resources pages are shared among the sections (the rest are resources).
SHARES = (
    (WatchPage, "/espace/veille/", 0.2),
    (NewsPage, "/espace/actualites/", 0.15),
    (PublicationPage, "/publications/", 0.1),
)
PARAGRAPH = (
    "Une fiche pratique pour accompagner les jeunes en ligne : repères, démarches, contacts utiles "
    "et retours d'expérience des promeneurs du réseau."
)


def reserved_email(address):
    """An address of a reserved example domain (RFC 2606): demo or scale data, never a real person."""
    domain = address.rsplit("@", 1)[-1].lower()
    return domain == "example.org" or domain.endswith(".example.org")


def real_promeneurs():
    """Promeneurs neither this command nor the demo made (an e-mail outside example.org, or none)."""
    return [p for p in Promeneur.objects.values_list("email", flat=True) if not reserved_email(p)]


class ScaleFiller:
    def __init__(self, stdout, seed=66):
        self.stdout = stdout
        self.rng = random.Random(seed)
        self.now = timezone.now()
        User = get_user_model()
        # Several runs add up: each numbers its rows after the previous ones.
        self.offset = User.objects.filter(username__startswith="echelle-").count()
        self.tag = f"{self.offset:06d}"

    def say(self, text):
        self.stdout.write(text)

    def in_batches(self, model, rows):
        """bulk_create a generator of rows, BATCH at a time (bounded memory)."""
        made = []
        iterator = iter(rows)
        while chunk := list(itertools.islice(iterator, BATCH)):
            made += model.objects.bulk_create(chunk, batch_size=BATCH)
        return made

    # --- Directory -----------------------------------------------------------------------------
    def directory(self, promeneurs, relays):
        User = get_user_model()
        rng = self.rng
        territories = Territory.objects.bulk_create(
            Territory(name=f"Échelle territoire {self.tag}-{i}", slug=f"echelle-territoire-{self.tag}-{i}")
            for i in range(max(1, promeneurs // 30))
        )
        structures = Structure.objects.bulk_create(
            Structure(
                name=f"Échelle structure {self.tag}-{i}",
                slug=f"echelle-structure-{self.tag}-{i}",
                territory=territories[i % len(territories)],
                commune="Perpignan",
            )
            for i in range(max(1, promeneurs // 5))
        )
        password = make_password(PASSWORD)  # hashed once: every account logs in with the same one
        start = self.offset
        users = self.in_batches(
            User,
            (
                User(
                    username=f"echelle-{start + i}",
                    first_name="Prénom",
                    last_name=f"Échelle {start + i}",
                    email=f"echelle-{start + i}@{EMAIL_DOMAIN}",
                    password=password,
                )
                for i in range(promeneurs)
            ),
        )
        group = Group.objects.get(name=PROMENEURS)
        self.in_batches(User.groups.through, (User.groups.through(user=u, group=group) for u in users))
        # Members of a running network have accepted the charter in force: without it every page of
        # the space would send them to the charter first.
        current = CharterVersion.current()
        if current is not None:
            self.in_batches(CharterAcceptance, (CharterAcceptance(user=u, version=current) for u in users))
        people = self.in_batches(
            Promeneur,
            (
                Promeneur(
                    user=user,
                    first_name=user.first_name,
                    last_name=user.last_name,
                    slug=user.username,
                    email=user.email,
                    phone="06 00 00 00 00",
                    structure=structures[i % len(structures)],
                    hours_online="mardi et jeudi 17h–19h",
                    presentation="Animateur jeunesse, présent sur les réseaux le soir.",
                    entry_date=datetime.date(2019, 1, 1),
                    public_listing=i % 4 != 0,
                    charter_version="2024",
                    charter_signed_on=datetime.date(2024, 1, 1),
                )
                for i, user in enumerate(users)
            ),
        )
        themes = list(Theme.objects.values_list("pk", flat=True))
        Through = Promeneur.territories.through
        self.in_batches(
            Through, (Through(promeneur=p, territory=territories[i % len(territories)]) for i, p in enumerate(people))
        )
        Through = Promeneur.themes.through
        self.in_batches(Through, (Through(promeneur=p, theme_id=t) for p in people for t in rng.sample(themes, 2)))
        self.in_batches(
            SocialProfile,
            (
                SocialProfile(promeneur=p, network=n, profile_name=f"{p.slug}-{n}", sort_order=o)
                for p in people
                for o, n in enumerate(rng.sample(NETWORKS, 2))
            ),
        )
        domains = Relay.Domain.values
        self.in_batches(
            Relay,
            (
                Relay(
                    organisation=f"Échelle relais {self.tag}-{i}",
                    domain=domains[i % len(domains)],
                    territory=territories[i % len(territories)] if i % 3 else None,
                    is_public=bool(i % 2),
                    phone="04 68 00 00 00",
                )
                for i in range(relays)
            ),
        )
        self.say(f"  annuaire : {len(people)} promeneurs, {len(structures)} structures, {relays} relais")
        return people

    # --- Activity grids ------------------------------------------------------------------------
    def grids(self, people, count):
        if not people or not count:
            return
        rng = self.rng
        per_person = -(-count // len(people))
        last = previous_month()
        # A promeneur who already has grids gets the months before them (one grid a month).
        history = dict(
            ActivityGrid.objects.filter(promeneur__in=people)
            .values_list("promeneur")
            .annotate(models.Count("pk"))
            .values_list("promeneur", "pk__count")
        )
        pairs = itertools.islice(
            ((p, add_months(last, -(history.get(p.pk, 0) + k))) for k in range(per_person) for p in people), count
        )
        grids = self.in_batches(
            ActivityGrid,
            (
                ActivityGrid(
                    promeneur=p, month=m, status="transmise", hours_per_week=rng.randint(2, 8), devices=["ordinateur"]
                )
                for p, m in pairs
            ),
        )
        self.in_batches(
            NetworkActivity,
            (
                NetworkActivity(
                    grid=g,
                    network=n,
                    messages=rng.randint(0, 80),
                    young_people=(young := rng.randint(0, 15)),
                    new_young_people=rng.randint(0, young),
                )
                for g in grids
                for n in rng.sample(NETWORKS, 2)
            ),
        )
        themes = list(Theme.objects.values_list("pk", flat=True))
        Through = ActivityGrid.themes.through
        self.in_batches(
            Through, (Through(activitygrid_id=g.pk, theme_id=t) for g in grids for t in rng.sample(themes, 2))
        )
        self.in_batches(
            LedAction, (LedAction(grid=g, title="Atelier", young_people_reached=rng.randint(5, 20)) for g in grids[::4])
        )
        # Written behind the signals' back: the network's monthly totals are summed again.
        months = rebuild_activity_totals()
        self.say(f"  grilles : {len(grids)}, jusqu'à {per_person} mois par promeneur ; totaux de {months} mois")

    # --- Events --------------------------------------------------------------------------------
    def events(self, people, count):
        if not count:
            return
        rng = self.rng
        span = 6 * 365  # five years back, one ahead
        kinds = ("formation", "rencontre", "analyse", "echange", "forum")

        def start(i):
            day = self.now - datetime.timedelta(days=5 * 365) + datetime.timedelta(days=span * i / count)
            return day.replace(hour=9, minute=0, second=0, microsecond=0)

        events = self.in_batches(
            Event,
            (
                Event(
                    title=f"Échelle {kinds[i % 5]} {self.tag}-{i}",
                    kind=kinds[i % 5],
                    start=start(i),
                    end=start(i) + datetime.timedelta(hours=3),
                    place="Perpignan",
                    audience="public" if i % 4 == 0 else "membres",
                    capacity=30,
                )
                for i in range(count)
            ),
        )
        users = [p.user_id for p in people]
        self.in_batches(
            Registration,
            (
                Registration(event=e, user_id=u, status="confirmee", attended=e.start < self.now or None)
                for e in events
                for u in rng.sample(users, min(10, len(users)))
            ),
        )
        self.say(f"  événements : {len(events)}, {10 * len(events)} inscriptions")

    # --- Exchanges -----------------------------------------------------------------------------
    def exchanges(self, people, count, replies=2):
        if not count or not people:
            return
        rng = self.rng
        users = [p.user_id for p in people]
        source = "Comment répondez-vous à un jeune qui **écrit tard le soir** ? Vos pratiques m'intéressent."
        html = render_markdown(source)
        text = plain_text(html)
        categories = ("posture", "technique-et-outils", "cadre-juridique", "animation")

        def when(i):
            return self.now - datetime.timedelta(minutes=30 * (count - i))

        discussions = self.in_batches(
            Discussion,
            (
                Discussion(
                    title=f"Échelle discussion {self.tag}-{i}",
                    kind=("question", "situation", "pratique")[i % 3],
                    category=categories[i % 4],
                    author_id=(author := rng.choice(users)),
                    last_author_id=author,
                    created_at=when(i),
                    last_activity_at=when(i),
                    reply_count=replies,
                )
                for i in range(count)
            ),
        )
        self.in_batches(
            Message,
            (
                Message(
                    discussion=d,
                    author_id=d.author_id if n == 0 else rng.choice(users),
                    is_opening=n == 0,
                    body=source,
                    body_html=html,
                    body_text=text,
                    created_at=d.created_at,
                )
                for d in discussions
                for n in range(replies + 1)
            ),
        )
        self.say(f"  échanges : {len(discussions)} discussions, {(replies + 1) * len(discussions)} messages")

    # --- Pages ---------------------------------------------------------------------------------
    def pages(self, count, index=True):
        if not count:
            return
        rest = count
        plan = []
        for model, address, share in SHARES:
            number = int(count * share)
            plan.append((model, address, number))
            rest -= number
        plan.insert(0, (ResourcePage, "/espace/ressources/", rest))
        tags = [Tag.objects.get_or_create(name=f"échelle {i}", defaults={"slug": f"echelle-{i}"})[0] for i in range(20)]
        for model, address, number in plan:
            parent = Page.objects.get(url_path="/accueil" + address)
            pages = self.add_pages(parent, model, number)
            Through = model.tags.through
            self.in_batches(
                Through,
                (Through(content_object_id=p.pk, tag=t) for p in pages for t in self.rng.sample(tags, 2)),
            )
            if index:
                backend = get_search_backend()
                specific = model.objects.filter(pk__in=[p.pk for p in pages]).prefetch_related("tags")
                for start in range(0, len(pages), 1000):
                    backend.add_bulk(model, list(specific.order_by("pk")[start : start + 1000]))
            self.say(f"  pages : {number} × {model._meta.verbose_name} sous {address}")

    def add_pages(self, parent, model, number):
        """``number`` live pages of ``model`` as the last children of ``parent``."""
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        first = int(last[-4:], 36) + 1 if last else 1
        content_type = ContentType.objects.get_for_model(model)
        label = model._meta.model_name
        stamp = self.now

        def page(i):
            slug = f"echelle-{label}-{first + i}"
            published = stamp - datetime.timedelta(hours=i)
            return Page(
                path=parent.path + step(first + i),
                depth=parent.depth + 1,
                numchild=0,
                title=f"Échelle {model._meta.verbose_name} {first + i}",
                draft_title=f"Échelle {model._meta.verbose_name} {first + i}",
                slug=slug,
                url_path=f"{parent.url_path}{slug}/",
                content_type=content_type,
                live=True,
                locale_id=parent.locale_id,
                first_published_at=published,
                last_published_at=published,
            )

        pages = self.in_batches(Page, (page(i) for i in range(number)))
        fields = model._meta.local_concrete_fields
        for start in range(0, len(pages), 1000):
            rows = [model(page_ptr_id=p.pk, **self.specific_fields(model, p)) for p in pages[start : start + 1000]]
            model._base_manager._insert(rows, fields=fields, using=connection.alias)
        Page.objects.filter(pk=parent.pk).update(
            numchild=Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
        )
        return pages

    def specific_fields(self, model, page):
        day = page.first_published_at.date()
        if model is WatchPage:
            return {"link": "https://example.org/rapport", "commentary": PARAGRAPH, "source": "Échelle", "date": day}
        fields = {"intro": PARAGRAPH, "body": [{"type": "paragraph", "value": f"<p>{PARAGRAPH}</p>"}], "date": day}
        if model is ResourcePage:
            fields["category"] = Category.values[page.pk % len(Category.values)]
        return fields


def analyze():
    """Fresh planner statistics: without them PostgreSQL plans the new tables as if empty."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
