import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from network.directory.models import Promeneur, Structure, Territory
from workspace.accounts.roles import (
    COMITE_FINANCEURS,
    COMITE_PILOTAGE,
    COMITE_TECHNIQUE,
    COORDINATION,
    PROMENEURS,
)

PASSWORD = "Mot-de-passe-de-test-66"

ROLE_GROUPS = {
    "promeneur": PROMENEURS,
    "coordination": COORDINATION,
    "pilotage": COMITE_PILOTAGE,
    "financeurs": COMITE_FINANCEURS,
    "technique": COMITE_TECHNIQUE,
}


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"utilisateur{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = "Prénom"
    last_name = factory.Sequence(lambda n: f"Nom{n}")

    @factory.post_generation
    def password(self, create, value, **kwargs):
        self.set_password(value or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def role(self, create, role, **kwargs):
        if create and role:
            self.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Territoire {n}")


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Structure {n}")
    commune = "Perpignan"
    territory = factory.SubFactory(TerritoryFactory)


class PromeneurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Promeneur

    user = factory.SubFactory(UserFactory, role="promeneur")
    first_name = factory.LazyAttribute(lambda p: p.user.first_name if p.user else "Prénom")
    last_name = factory.LazyAttribute(lambda p: p.user.last_name if p.user else "Nom")
    structure = factory.SubFactory(StructureFactory)
    # E-mails are unique (case-insensitive): a record without an account gets a numbered one.
    email = factory.LazyAttributeSequence(
        lambda p, n: f"{p.first_name}.{p.last_name}{'' if p.user else f'.{n}'}@example.org".lower()
    )
    phone = "06 12 34 56 78"
    hours_online = "mardi 17h–19h"
    public_listing = True


def role_users():
    """One user per role of the access rules, by role name ("anonymous" is None)."""
    promeneur = PromeneurFactory(user=UserFactory(username="promeneur", first_name="Lucie", role="promeneur"))
    return {
        "anonymous": None,
        "promeneur": promeneur.user,
        "coordination": UserFactory(username="coordination", role="coordination"),
        "pilotage": UserFactory(username="copil", role="pilotage"),
        "financeurs": UserFactory(username="financeur", role="financeurs"),
        "technique": UserFactory(username="technique", role="technique"),
    }


# Practice exchanges (issue 6) ---------------------------------------------------------------------


class DiscussionFactory(factory.django.DjangoModelFactory):
    """A discussion with its opening message (``opening__body`` sets its text)."""

    class Meta:
        model = "exchanges.Discussion"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Discussion {n}")
    kind = "question"
    category = "posture"
    author = factory.SubFactory(UserFactory, role="promeneur")
    last_author = factory.SelfAttribute("author")

    @factory.post_generation
    def opening(self, create, extracted, **kwargs):
        if create:
            MessageFactory(discussion=self, author=self.author, is_opening=True, **kwargs)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "exchanges.Message"

    discussion = factory.SubFactory(DiscussionFactory)
    author = factory.SubFactory(UserFactory, role="promeneur")
    body = factory.Sequence(lambda n: f"Texte du message {n}.")


# Activity grids (issue 7)
def _last_month():
    from network.activity.models.grids import previous_month

    return previous_month()


class ActivityGridFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activity.ActivityGrid"

    promeneur = factory.SubFactory(PromeneurFactory)
    month = factory.LazyFunction(_last_month)
    status = "transmise"
    hours_per_week = 4


class NetworkActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activity.NetworkActivity"

    grid = factory.SubFactory(ActivityGridFactory)
    network = "instagram"
    messages = 20
    young_people = 5
    new_young_people = 2


class JournalEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activity.CoordinationJournalEntry"

    kind = "accompagnement_promeneur"
    medium = "telephone"
    duration_minutes = 30


class EventFactory(factory.django.DjangoModelFactory):
    """An event of the members in a week, two hours long (network.models.Event)."""

    class Meta:
        model = "events.Event"

    title = factory.Sequence(lambda n: f"Événement {n}")
    kind = "formation"
    audience = "membres"
    start = factory.LazyFunction(lambda: _in_days(7))
    end = factory.LazyAttribute(lambda e: e.start + _hours(2))
    place = "Perpignan"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Registration"

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory, role="promeneur")
    status = "confirmee"


def _hours(hours):
    import datetime

    return datetime.timedelta(hours=hours)


def _in_days(days, hour=10):
    """Today + ``days`` at ``hour`` o'clock, Europe/Paris."""
    import datetime

    from django.utils import timezone

    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


# --- Directory (issue 3) --------------------------------------------------------------------


class SocialProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "directory.SocialProfile"

    promeneur = factory.SubFactory(PromeneurFactory)
    network = "instagram"
    profile_name = factory.Sequence(lambda n: f"profil_pdn66_{n}")
    url = factory.LazyAttribute(lambda p: f"https://www.instagram.com/{p.profile_name}")


class RelayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "directory.Relay"

    organisation = factory.Sequence(lambda n: f"Relais {n}")
    domain = "sante_mentale"
    phone = "04 68 11 22 33"
    is_public = True


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application to join the network, as /devenir-promeneur/ receives it."""

    class Meta:
        model = "coordination.Application"

    structure_name = "MJC du Vallespir"
    town = "Céret"
    contact_first_name = "Inès"
    contact_last_name = "Roca"
    contact_email = "ines.roca@example.org"
    professionals_count = 1
    motivation = "Être présents là où sont les jeunes."


def png_bytes(size=(40, 40), color=(29, 61, 107), fmt="PNG"):
    """A small real image, for photo uploads."""
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


def make_image(title="Photo"):
    from django.core.files.base import ContentFile
    from wagtail.images import get_image_model

    return get_image_model().objects.create(title=title, file=ContentFile(png_bytes(), name="photo.png"))


# Pages of the shared space (issue 4): published under their section's index.
def _published(parent_url, page):
    from tests.pages import page_at, publish_child

    return publish_child(page_at(parent_url), page)


def resource_page(title="Fiche pratique", tags=(), **fields):
    from resources.library.models import ResourcePage

    fields.setdefault("category", "technique-et-outils")
    page = ResourcePage(title=title, **fields)
    page.tags.add(*tags)
    return _published("/espace/ressources/", page)


def watch_page(title="Article de veille", tags=(), **fields):
    from resources.library.models import WatchPage

    fields.setdefault("link", "https://example.org/article")
    fields.setdefault("commentary", "À lire pour préparer les permanences en ligne.")
    page = WatchPage(title=title, **fields)
    page.tags.add(*tags)
    return _published("/espace/veille/", page)


def news_page(title="Actualité du réseau", tags=(), **fields):
    from resources.library.models import NewsPage

    page = NewsPage(title=title, **fields)
    page.tags.add(*tags)
    return _published("/espace/actualites/", page)


def publication_page(title="Publication", tags=(), **fields):
    from resources.library.models import PublicationPage

    page = PublicationPage(title=title, **fields)
    page.tags.add(*tags)
    return _published("/publications/", page)


def member_document(title="Document des membres", content=b"Contenu reserve aux membres", filename="fiche.txt"):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.models import Collection

    document = Document(title=title, collection=Collection.objects.get(name="Documents des membres"))
    document.file.save(filename, ContentFile(content), save=True)
    return document
