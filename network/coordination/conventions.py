"""Conventions between the structures and the Caf: where their signed documents are kept, and what
the coordinator must act on (the cockpit's blocks)."""

from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from network.coordination.models import Convention
from network.coordination.models.conventions import ENDING_SOON_DAYS
from network.directory.models import Promeneur
from workspace.accounts.roles import COORDINATION
from workspace.cockpit.blocks import CockpitAction, CockpitBlock, CockpitItem
from workspace.display import count_of, french_date

CONVENTIONS_COLLECTION = "Conventions"


def conventions_collection():
    """The collection of the signed conventions, readable by Coordination only: created on first
    use, and its restriction put back if someone removed it."""
    collection = Collection.objects.filter(name=CONVENTIONS_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=CONVENTIONS_COLLECTION)
    coordination = Group.objects.get(name=COORDINATION)
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=BaseViewRestriction.GROUPS
    ).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=BaseViewRestriction.GROUPS
        )
    if list(restriction.groups.all()) != [coordination]:
        restriction.groups.set([coordination])
    # Any other kind of restriction (password, login) would let more people in: only ours stays.
    CollectionViewRestriction.objects.filter(collection=collection).exclude(pk=restriction.pk).delete()
    return collection


def store_signed_document(convention, upload):
    """The uploaded signed convention as a document of the Coordination-only collection."""
    from wagtail.documents import get_document_model

    document = get_document_model()(
        title=f"Convention {convention.reference} signée", collection=conventions_collection()
    )
    document.file = upload
    document._set_document_file_metadata()
    document.save()
    return document


def promeneurs_without_running_convention(day=None):
    """Active promeneurs whose structure has no convention in force on ``day`` (or who have no
    structure at all)."""
    running = Convention.objects.running(day).filter(structure=OuterRef("structure"))
    return Promeneur.objects.active().filter(~Exists(running)).order_by("last_name", "first_name")


def convention_admin_url(action, *args):
    return reverse(f"coordination_convention_modeladmin_{action}", args=args)


def new_convention_url(structure):
    """The create form, its structure already chosen (ConventionCreateView)."""
    return f"{convention_admin_url('create')}?{urlencode({'structure': structure.pk})}"


# The parameter of the create form's address naming the convention it renews.
RENEWS = "renouvelle"


def renewal_url(convention):
    """The create form filled with what the next convention of ``convention`` keeps (ConventionCreateView)."""
    return f"{convention_admin_url('create')}?{urlencode({RENEWS: convention.pk})}"


def ending_label(convention, day=None):
    days = convention.days_left(day)
    end = french_date(convention.end_date, "j F Y")
    if days < 0:
        return f"Terminée le {end} mais toujours en vigueur : à renouveler ou à clore"
    if days == 0:
        return f"Se termine aujourd'hui ({end})"
    return f"Se termine le {end}, dans {count_of(days, 'jour')}"


class EndingConventionsBlock(CockpitBlock):
    name = "conventions-ending"
    watched = ("coordination.Convention", "directory.Structure")
    title = "Conventions qui se terminent"
    order = 40
    empty_text = f"Aucune convention ne se termine dans les {ENDING_SOON_DAYS} jours."
    permission = "coordination.change_convention"

    def get_queryset(self, request):
        return Convention.objects.ending_soon().select_related("structure")

    def item(self, obj):
        return CockpitItem(
            label=f"{obj.structure.name} — {obj.reference}",
            url=convention_admin_url("edit", obj.pk),
            detail=ending_label(obj),
            actions=[CockpitAction("Renouveler", renewal_url(obj), description=f"Renouveler : {obj.reference}")],
        )

    def get_more_url(self, request):
        return convention_admin_url("index") + "?fin=bientot"


class PromeneursWithoutConventionBlock(CockpitBlock):
    name = "promeneurs-without-convention"
    watched = ("coordination.Convention", "directory.Promeneur", "directory.Structure")
    title = "Promeneurs sans convention en cours"
    order = 41
    empty_text = "Chaque promeneur actif est couvert par une convention en cours."
    permission = "coordination.add_convention"
    # No other screen lists promeneurs by their structure's conventions: the cockpit's page of the block.
    lists_every_item = True

    def get_queryset(self, request):
        return promeneurs_without_running_convention().select_related("structure")

    def item(self, obj):
        if obj.structure is None:
            return CockpitItem(
                label=obj.full_name,
                url=reverse("wagtailsnippets_directory_promeneur:edit", args=[obj.pk]),
                detail="Sans structure : rattachez-le à sa structure.",
            )
        return CockpitItem(
            label=obj.full_name,
            url=convention_admin_url("index") + f"?structure__id__exact={obj.structure_id}",
            detail=f"{obj.structure.name} : aucune convention en vigueur aujourd'hui.",
            actions=[CockpitAction("Nouvelle convention", new_convention_url(obj.structure))],
        )
