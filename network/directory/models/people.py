"""The departmental directory: territories, structures, promeneurs and their social profiles."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.text import slugify
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.images import get_image_model_string
from wagtail.models import Orderable
from wagtail.search import index

from network.directory.communes import match_commune, official_code
from network.directory.models.communes import Commune
from workspace.display import FEMININE
from workspace.fields import by_user, optional_link

PHOTO_RENDITION = "fill-160x160"

# Addresses of the public directory that a promeneur's sheet must not take.
RESERVED_SLUGS = frozenset({"relais", "structure", "structures"})


def unique_slug(instance, value, max_length=80, reserved=frozenset()):
    """A slug for ``value`` that no other row of the instance's model uses; an apostrophe parts words
    as a space does ("L'Escale d'Ille": l-escale-d-ille, not lescale-dille)."""
    base = slugify(value.replace("'", " ").replace("’", " "))[:max_length] or "fiche"
    slug, counter = base, 2
    others = type(instance).objects.exclude(pk=instance.pk)
    while slug in reserved or others.filter(slug=slug).exists():
        slug = f"{base[: max_length - 4]}-{counter}"
        counter += 1
    return slug


class SluggedByName(models.Model):
    """A record shown by its name, whose address (slug) is made from the name once."""

    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)


class TerritoryQuerySet(models.QuerySet):
    def containing(self, communes):
        """Territories with one of ``communes`` (a Commune queryset, read as a subquery) in them:
        an intercommunality by its SIREN, a commune by its INSEE code; a sector has no communes."""
        return self.filter(
            Q(kind=Territory.Kind.EPCI, code__in=communes.values("epci_code"))
            | Q(kind=Territory.Kind.COMMUNE, code__in=communes.values("code"))
        ).exclude(code="")


class Territory(SluggedByName):
    class Kind(models.TextChoices):
        EPCI = "epci", "EPCI (communauté de communes ou d'agglomération)"
        COMMUNE = "commune", "Commune"
        SECTOR = "secteur", "Secteur"

    name = models.CharField("Nom", max_length=120, unique=True)
    kind = models.CharField("Type", max_length=20, choices=Kind.choices, default=Kind.EPCI)
    # What ties the territory to the official communes (the name may differ from the official one):
    # the search of the directories finds a promeneur by any commune of the territories they cover.
    code = models.CharField(
        "Code officiel",
        max_length=9,
        blank=True,
        db_index=True,
        help_text="SIREN de l'intercommunalité (9 chiffres) ou code INSEE de la commune (5 caractères), "
        "d'après la liste officielle des communes. Laissé vide, il est retrouvé d'après le nom quand il est "
        "sans ambiguïté. Un secteur n'en a pas.",
    )

    objects = TerritoryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "Territoire"
        verbose_name_plural = "Territoires"

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = official_code(self.name, self.kind)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.code:
            return
        if self.kind == self.Kind.SECTOR:
            raise ValidationError({"code": "Un secteur n'a pas de code officiel : laissez ce champ vide."})
        field = "epci_code" if self.kind == self.Kind.EPCI else "code"
        if not Commune.objects.filter(**{field: self.code}).exists():
            what = "d'aucune intercommunalité" if self.kind == self.Kind.EPCI else "d'aucune commune"
            raise ValidationError({"code": f"Ce code n'est celui {what} de la liste officielle."})


class Theme(models.Model):
    """Themes a promeneur works on, shared with the activity grids."""

    name = models.CharField("Nom", max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    grammatical_gender = FEMININE  # « une … » in the admin's sentences (workspace/display.Noun)

    class Meta:
        ordering = ["name"]
        verbose_name = "Thématique"
        verbose_name_plural = "Thématiques"

    def __str__(self):
        return self.name


class StructureQuerySet(models.QuerySet):
    def listed(self):
        """The structures the directories, the search, the sitemap and the open data show: every one
        but those that left the network (inactive); a structure still in project is listed."""
        return self.exclude(status=Structure.Status.INACTIVE)


class Structure(index.Indexed, SluggedByName):
    class Kind(models.TextChoices):
        SOCIAL_CENTRE = "centre_social", "Centre social"
        MJC = "mjc", "MJC"
        YOUTH_INFO = "pij_bij", "PIJ / BIJ"
        MISSION_LOCALE = "mission_locale", "Mission locale"
        PREVENTION = "prevention", "Prévention spécialisée"
        LOCAL_AUTHORITY = "collectivite", "Collectivité"
        ASSOCIATION = "association", "Association"
        OTHER = "autre", "Autre"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PROSPECT = "en_projet", "En projet"
        INACTIVE = "inactive", "Inactive"

    name = models.CharField("Nom", max_length=200, unique=True)
    kind = models.CharField("Type", max_length=30, choices=Kind.choices, default=Kind.ASSOCIATION)
    address = models.CharField("Adresse", max_length=255, blank=True)
    postcode = models.CharField("Code postal", max_length=10, blank=True)
    commune = models.CharField("Commune", max_length=120, blank=True)
    # The free-text commune above stays what was typed (import, application); this one places the
    # structure in an intercommunality for the coverage figures.
    insee_commune = optional_link(
        "directory.Commune",
        "Commune (liste officielle)",
        related_name="structures",
        help_text="Rattache la structure à son intercommunalité pour la couverture du territoire. "
        "Laissée vide, elle est retrouvée d'après le nom de commune saisi quand il est sans ambiguïté.",
    )
    territory = optional_link(Territory, "Territoire", related_name="structures")
    phone = models.CharField("Téléphone", max_length=30, blank=True)
    website = models.URLField("Site web", blank=True)
    referent_name = models.CharField("Référent : nom", max_length=120, blank=True)
    referent_role = models.CharField("Référent : fonction", max_length=120, blank=True)
    referent_email = models.EmailField("Référent : e-mail", blank=True)
    referent_phone = models.CharField("Référent : téléphone", max_length=30, blank=True)
    priority_neighbourhood = models.BooleanField("Quartier prioritaire (QPV)", default=False)
    status = models.CharField("Statut", max_length=20, choices=Status.choices, default=Status.ACTIVE)
    open_data = models.BooleanField(
        "Accepte la publication en données ouvertes",
        default=False,
        help_text="Nom, adresse, téléphone et site web publiés dans /donnees/structures.json et .csv "
        "(jamais le référent).",
    )
    updated_at = models.DateTimeField("Modifié le", auto_now=True)

    objects = StructureQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.SearchField("commune"), index.AutocompleteField("name")]

    grammatical_gender = FEMININE  # « une … » in the admin's sentences (workspace/display.Noun)

    class Meta:
        ordering = ["name"]
        verbose_name = "Structure"
        verbose_name_plural = "Structures"

    def save(self, *args, **kwargs):
        if self.insee_commune_id is None and self.commune:
            self.insee_commune = match_commune(self.commune, self.postcode)
        super().save(*args, **kwargs)

    @property
    def is_listed(self):
        """The record's side of ``StructureQuerySet.listed``: may the public see its page?"""
        return self.status != self.Status.INACTIVE

    def territory_name(self):
        return self.territory.name if self.territory else ""

    territory_name.short_description = "Territoire"

    def epci_name(self):
        return self.insee_commune.epci_name if self.insee_commune else ""

    epci_name.short_description = "Intercommunalité"


class PromeneurQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def publicly_listed(self):
        """Who the public directory may show: active and opted in."""
        return self.active().filter(public_listing=True)

    def with_public_photo(self):
        """Whose photo anyone may see: listed publicly and consenting to show their photo."""
        return self.publicly_listed().filter(photo_consent=True)

    def changed_since_review(self):
        """Profiles their promeneur edited after the coordination last reviewed them."""
        return self.filter(profile_changed_at__isnull=False).filter(
            models.Q(reviewed_at__isnull=True) | models.Q(reviewed_at__lt=models.F("profile_changed_at"))
        )

    def accounts(self):
        """The user accounts of these promeneurs, as a subquery of pks: their account, and the one
        each leaver had before anonymisation detached it (their past registrations still count)."""
        users = get_user_model().objects.filter(
            Q(promeneur__in=self.values("pk")) | Q(former_promeneur__in=self.values("pk"))
        )
        return users.values("pk")

    def covering(self, communes):
        """Promeneurs who cover a territory with one of ``communes`` (a Commune queryset) in it."""
        through = self.model.territories.through.objects.filter(territory__in=Territory.objects.containing(communes))
        return self.filter(pk__in=through.values("promeneur_id"))

    def for_listing(self):
        """Everything a directory listing shows, in a fixed number of queries (photos joined,
        with their thumbnail renditions in one more)."""
        from wagtail.images import get_image_model

        thumbnails = get_image_model().get_rendition_model().objects.filter(filter_spec=PHOTO_RENDITION)
        return self.select_related("structure", "structure__territory", "photo").prefetch_related(
            "territories",
            "themes",
            "social_profiles",
            # The attribute Wagtail's own prefetch_renditions() fills, read by get_rendition().
            models.Prefetch("photo__renditions", queryset=thumbnails, to_attr="prefetched_renditions"),
        )


class Promeneur(index.Indexed, ClusterableModel):
    user = optional_link(settings.AUTH_USER_MODEL, "Compte", one_to_one=True, related_name="promeneur")
    # The account detached at the promeneur's departure (privacy.anonymise_promeneur), itself
    # anonymised and closed: their past registrations to events stay theirs in the figures.
    former_user = optional_link(
        settings.AUTH_USER_MODEL, "Ancien compte", one_to_one=True, related_name="former_promeneur", editable=False
    )
    first_name = models.CharField("Prénom", max_length=80)
    last_name = models.CharField("Nom", max_length=80)
    slug = models.SlugField(max_length=120, unique=True)
    photo = optional_link(get_image_model_string(), "Photo", related_name="+")
    job_title = models.CharField("Fonction", max_length=120, blank=True)
    structure = optional_link(Structure, "Structure", related_name="promeneurs")
    territories = ParentalManyToManyField(Territory, verbose_name="Territoires d'intervention", blank=True)
    themes = ParentalManyToManyField(Theme, verbose_name="Thématiques", blank=True)
    email = models.EmailField("E-mail professionnel", blank=True)
    phone = models.CharField("Téléphone professionnel", max_length=30, blank=True)
    presentation = models.TextField("Présentation", blank=True)
    hours_online = models.CharField(
        "Horaires en ligne", max_length=200, blank=True, help_text="Par exemple : mardi et jeudi 17h–19h"
    )
    charter_version = models.CharField("Version de la charte signée", max_length=20, blank=True)
    charter_signed_on = models.DateField("Charte signée le", null=True, blank=True)
    entry_date = models.DateField("Date d'entrée dans le réseau", null=True, blank=True)
    exit_date = models.DateField("Date de sortie", null=True, blank=True)
    is_active = models.BooleanField(
        "Actif",
        default=True,
        help_text=(
            "Décochez quand le promeneur quitte le réseau ou s'interrompt : son compte n'ouvre plus l'espace "
            "membres, ne reçoit plus ses e-mails et libère ses places aux événements à venir. Recochez pour "
            "lui rendre l'accès."
        ),
    )
    public_listing = models.BooleanField("Accepte de figurer dans l'annuaire public", default=False)
    photo_consent = models.BooleanField("Accepte la diffusion publique de sa photo", default=False)
    grid_reminders = models.BooleanField("Recevoir le rappel mensuel de ma grille d'activité", default=True)
    updated_at = models.DateTimeField("Modifié le", auto_now=True)
    profile_changed_at = models.DateTimeField(
        "Profil modifié par le promeneur le", null=True, blank=True, editable=False
    )
    reviewed_at = models.DateTimeField("Revu par la coordination le", null=True, blank=True, editable=False)
    reviewed_by = by_user("Revu par", editable=False)
    anonymised_at = models.DateTimeField("Anonymisé le", null=True, blank=True, editable=False)

    objects = PromeneurQuerySet.as_manager()

    search_fields = [
        index.SearchField("first_name"),
        index.SearchField("last_name"),
        index.SearchField("presentation"),
        index.AutocompleteField("last_name"),
        index.FilterField("is_active"),
        index.FilterField("public_listing"),
    ]

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = "Promeneur"
        verbose_name_plural = "Promeneurs"
        constraints = [
            # The import matches promeneurs by e-mail: two records with one address (in any
            # case) would let one member's row overwrite another's.
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="promeneur_email_unique_ci",
                violation_error_message="Cette adresse e-mail est déjà celle d'un autre promeneur de l'annuaire.",
            )
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    full_name.fget.short_description = "Nom"

    @property
    def is_anonymised(self):
        return self.anonymised_at is not None

    @property
    def public_photo(self):
        """The photo the public may see: only with the promeneur's consent."""
        return self.photo if self.photo_consent else None

    @property
    def needs_review(self):
        return self.profile_changed_at is not None and (
            self.reviewed_at is None or self.reviewed_at < self.profile_changed_at
        )

    def structure_name(self):
        return self.structure.name if self.structure else ""

    structure_name.short_description = "Structure"

    def territory_names(self):
        return ", ".join(t.name for t in self.territories.all())

    territory_names.short_description = "Territoires"

    def territory_list(self):
        return [t.name for t in self.territories.all()]

    territory_list.short_description = "Territoires"

    def social_profile_list(self):
        """["Instagram : zoe66", …]: what the import reads back in its "Réseaux sociaux" column."""
        return [f"{p.get_network_display()} : {p.profile_name}" for p in self.social_profiles.all()]

    social_profile_list.short_description = "Réseaux sociaux"

    @classmethod
    def from_db(cls, db, field_names, values):
        record = super().from_db(db, field_names, values)
        record._saved_is_active = record.__dict__.get("is_active")
        return record

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.full_name, reserved=RESERVED_SLUGS)
        super().save(*args, **kwargs)
        self._account_follows_the_record()

    def _account_follows_the_record(self):
        """A record made inactive closes its account, and made active again reopens it: someone who
        left the network no longer sees the members' space (everyone's phone and e-mail), its
        e-mails or its places at events (which the account's post_save gives to the waiting list).
        Only a change of the record moves the account, so an account closed for another reason is
        not reopened by an edit of an active record."""
        saved, self._saved_is_active = getattr(self, "_saved_is_active", True), self.is_active
        if saved is None or saved == self.is_active or self.user_id is None:
            return
        user = self.user
        if user.is_active != self.is_active:
            user.is_active = self.is_active
            user.save(update_fields=["is_active"])


class SocialProfile(Orderable):
    class Network(models.TextChoices):
        INSTAGRAM = "instagram", "Instagram"
        SNAPCHAT = "snapchat", "Snapchat"
        TIKTOK = "tiktok", "TikTok"
        DISCORD = "discord", "Discord"
        FACEBOOK = "facebook", "Facebook"
        YOUTUBE = "youtube", "YouTube"
        TWITCH = "twitch", "Twitch"
        WHATSAPP = "whatsapp", "WhatsApp"
        X = "x", "X (Twitter)"
        OTHER = "autre", "Autre"

    promeneur = ParentalKey(Promeneur, related_name="social_profiles", on_delete=models.CASCADE)
    network = models.CharField("Réseau", max_length=20, choices=Network.choices)
    profile_name = models.CharField("Nom de profil", max_length=120)
    url = models.URLField("Lien vers le profil", blank=True)

    class Meta(Orderable.Meta):
        verbose_name = "Profil sur un réseau social"
        verbose_name_plural = "Profils sur les réseaux sociaux"

    def __str__(self):
        return f"{self.get_network_display()} : {self.profile_name}"
