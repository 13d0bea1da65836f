import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from network.models import Promeneur, Structure, Territory
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
    email = factory.LazyAttribute(lambda p: f"{p.first_name}.{p.last_name}@example.org".lower())
    phone = "06 12 34 56 78"
    hours_online = "mardi 17h–19h"
    public_listing = True


# Pages of the shared space (issue 4): published under their section's index.
def _published(parent_url, page):
    from tests.pages import page_at, publish_child

    return publish_child(page_at(parent_url), page)


def resource_page(title="Fiche pratique", tags=(), **fields):
    from resources.models import ResourcePage

    fields.setdefault("category", "technique-et-outils")
    page = ResourcePage(title=title, **fields)
    page.tags.add(*tags)
    return _published("/espace/ressources/", page)


def watch_page(title="Article de veille", tags=(), **fields):
    from resources.models import WatchPage

    fields.setdefault("link", "https://example.org/article")
    fields.setdefault("commentary", "À lire pour préparer les permanences en ligne.")
    page = WatchPage(title=title, **fields)
    page.tags.add(*tags)
    return _published("/espace/veille/", page)


def news_page(title="Actualité du réseau", tags=(), **fields):
    from resources.models import NewsPage

    page = NewsPage(title=title, **fields)
    page.tags.add(*tags)
    return _published("/espace/actualites/", page)


def publication_page(title="Publication", tags=(), **fields):
    from resources.models import PublicationPage

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
