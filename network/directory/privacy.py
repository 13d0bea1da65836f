"""A promeneur's personal data: their own edits, their download, and anonymisation when they leave."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, ModelLogEntry

from network.directory.models.people import Promeneur, Structure
from workspace import mail
from workspace.accounts.roles import MEMBER_GROUPS, is_member
from workspace.accounts.visits import MemberVisit
from workspace.cockpit.blocks import forget_blocks
from workspace.display import datetime_attribute, of

PHOTOS_COLLECTION = "Photos des promeneurs"


def photos_collection():
    """Where uploaded profile photos go: a collection restricted to members, so that a
    photo no longer linked to its promeneur is never public (created on first use)."""
    collection = Collection.objects.filter(name=PHOTOS_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=PHOTOS_COLLECTION)
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=BaseViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=MEMBER_GROUPS))
    return collection


def photo_view_rule(user, image):
    """Who may see a promeneur's photo (Wagtail hook ``image_view_rule``): members of the
    space, and everyone while the promeneur is publicly listed and consents. Checked at
    each request, so that withdrawing consent hides the photo at once."""
    owners = Promeneur.objects.filter(photo=image)
    if not owners.exists():
        return None
    return is_member(user) or owners.with_public_photo().exists()


@transaction.atomic
def save_own_profile(form, formset):
    """Save a promeneur's profile form and social profiles; tell the coordination once per review.
    False, and nothing saved nor flagged, when the forms change nothing."""
    if not form.has_changed() and not formset.has_changed():
        return False
    promeneur = form.instance
    already_pending = promeneur.needs_review
    old_photo = promeneur.photo
    promeneur = form.save(commit=False)
    new_photo = form.cleaned_data.get("new_photo")
    if new_photo:
        promeneur.photo = get_image_model().objects.create(
            title=f"Photo {of(promeneur.full_name)}", file=new_photo, collection=photos_collection()
        )
    elif form.cleaned_data.get("remove_photo"):
        promeneur.photo = None
    promeneur.profile_changed_at = timezone.now()
    promeneur.save()
    formset.instance = promeneur
    profiles = formset.save(commit=False)
    for deleted in formset.deleted_objects:
        deleted.delete()
    for order, profile in enumerate(profiles):
        profile.sort_order = profile.sort_order if profile.sort_order is not None else 100 + order
        profile.save()
    if old_photo is not None and promeneur.photo_id != old_photo.pk:
        old_photo.delete()
    if not already_pending:
        transaction.on_commit(lambda: notify_coordination(promeneur))
    return True


def notify_coordination(promeneur):
    context = {"promeneur": promeneur, "url": mail.absolute_url("/admin/annuaire/profils-modifies/")}
    message = mail.message("directory/emails/profile_changed", context, [settings.COORDINATION_EMAIL])
    mail.send([message])


def mark_reviewed(promeneurs, by=None):
    """The coordination has re-read these profiles: who did, and when."""
    count = Promeneur.objects.filter(pk__in=[p.pk for p in promeneurs]).update(
        reviewed_at=timezone.now(), reviewed_by=by
    )
    forget_blocks(Promeneur)
    return count


def iso(value):
    """A date, or a date and time at Paris time, as the member reads it in their download."""
    return datetime_attribute(value) or None


def personal_data(user, promeneur):
    """Everything the site holds about this member, as a JSON-ready dict."""
    data = {
        "compte": {
            "identifiant": user.get_username(),
            "prenom": user.first_name,
            "nom": user.last_name,
            "email": user.email,
            "inscrit_le": iso(user.date_joined),
            "derniere_connexion": iso(user.last_login),
            "groupes": sorted(user.groups.values_list("name", flat=True)),
        },
        "fiche_annuaire": None,
        "exporte_le": iso(timezone.now()),
    }
    if promeneur is not None:
        data["fiche_annuaire"] = {
            "prenom": promeneur.first_name,
            "nom": promeneur.last_name,
            "fonction": promeneur.job_title,
            "structure": promeneur.structure.name if promeneur.structure else None,
            "territoires": [t.name for t in promeneur.territories.all()],
            "thematiques": [t.name for t in promeneur.themes.all()],
            "email": promeneur.email,
            "telephone": promeneur.phone,
            "presentation": promeneur.presentation,
            "horaires_en_ligne": promeneur.hours_online,
            "photo": mail.absolute_url(promeneur.photo.file.url) if promeneur.photo else None,
            "profils_reseaux_sociaux": [
                {"reseau": p.get_network_display(), "nom_de_profil": p.profile_name, "lien": p.url}
                for p in promeneur.social_profiles.all()
            ],
            "charte": {"version": promeneur.charter_version, "signee_le": iso(promeneur.charter_signed_on)},
            "entree_dans_le_reseau": iso(promeneur.entry_date),
            "sortie_du_reseau": iso(promeneur.exit_date),
            "actif": promeneur.is_active,
            "consentements": {
                "annuaire_public": promeneur.public_listing,
                "photo_publique": promeneur.photo_consent,
            },
            "fiche_modifiee_le": iso(promeneur.updated_at),
        }
    # What the other apps hold about the member (grids, registrations, messages…):
    # each registers a ``register_personal_data`` hook, ``(user, promeneur) -> dict``.
    for hook in hooks.get_hooks("register_personal_data"):
        data.update(hook(user, promeneur))
    return data


@transaction.atomic
def anonymise_promeneur(promeneur):
    """Remove what identifies a promeneur who left, in place.

    The row stays (same primary key), so that records linked to it (activity grids,
    registrations…) remain as anonymous counts; its structure, territories, themes
    and dates stay too, because the network's figures are counted by them.
    """
    if promeneur.is_anonymised:
        return promeneur
    now = timezone.now()
    photo = promeneur.photo
    user = promeneur.user
    # Accepting an application makes its contact the structure's referent as well as the promeneur:
    # the same person, found by their address, must not stay on the members' directory as referent.
    addresses = {address.lower() for address in (promeneur.email, user.email if user else "") if address}
    if addresses:
        Structure.objects.annotate(referent_address=Lower("referent_email")).filter(
            referent_address__in=addresses
        ).update(referent_name="", referent_role="", referent_email="", referent_phone="")
    promeneur.first_name = "Promeneur"
    promeneur.last_name = f"anonyme n° {promeneur.pk}"
    promeneur.slug = f"anonyme-{promeneur.pk}"
    promeneur.photo = None
    promeneur.job_title = ""
    promeneur.email = ""
    promeneur.phone = ""
    promeneur.presentation = ""
    promeneur.hours_online = ""
    promeneur.is_active = False
    promeneur.public_listing = False
    promeneur.photo_consent = False
    promeneur.exit_date = promeneur.exit_date or now.date()
    promeneur.profile_changed_at = None
    promeneur.anonymised_at = now
    promeneur.former_user = user
    promeneur.user = None
    promeneur.save()
    promeneur.social_profiles.all().delete()
    # The admin's history labels each entry with the record's name at the time.
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Promeneur), object_id=str(promeneur.pk)
    ).update(label=promeneur.full_name)
    if photo is not None:
        photo.delete()
    if user is not None:
        user.username = f"ancien-promeneur-{promeneur.pk}"
        user.first_name = ""
        user.last_name = ""
        user.email = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        MemberVisit.objects.filter(user=user).delete()
    # What the other apps hold about the person who left (the application that invited them…):
    # each registers a ``register_anonymisation`` hook, ``(promeneur, user)``; user may be None.
    for hook in hooks.get_hooks("register_anonymisation"):
        hook(promeneur, user)
    return promeneur
