"""Relays: where a promeneur sends a young person who needs more than a conversation."""

from django.db import models
from django.db.models.functions import Length
from wagtail.search import index

from network.directory.models.people import Territory
from workspace.fields import optional_link


class RelayQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def national_lines(self):
        """The national emergency numbers anyone may see (the public home's "Besoin d'aide maintenant ?")."""
        # The short numbers first (119, 3114…), each group in the order the lines were entered.
        return self.public().filter(is_national_emergency=True).order_by(Length("phone"), "pk")

    def emergency_first(self):
        """National emergency lines first, then by domain and organisation."""
        return self.select_related("territory").order_by("-is_national_emergency", "domain", "organisation")


class Relay(index.Indexed, models.Model):
    class Domain(models.TextChoices):
        MENTAL_HEALTH = "sante_mentale", "Mal-être / santé mentale"
        VIOLENCE = "violences", "Violences"
        HARASSMENT = "harcelement", "Harcèlement et cyberharcèlement"
        RADICALISATION = "radicalisation", "Radicalisation et propos dissonants"
        ADDICTIONS = "addictions", "Addictions"
        SEXUALITY = "sexualite", "Sexualité"
        INSERTION = "insertion", "Insertion"
        HOUSING = "logement", "Logement"
        RIGHTS = "droits", "Droits"
        HEALTH = "sante", "Santé"
        OTHER = "autre", "Autre"

    organisation = models.CharField("Organisme", max_length=200)
    domain = models.CharField("Domaine", max_length=30, choices=Domain.choices)
    description = models.TextField("Description", blank=True)
    phone = models.CharField("Téléphone", max_length=30, blank=True)
    email = models.EmailField("E-mail", blank=True)
    website = models.URLField("Site web", blank=True)
    hours = models.CharField("Horaires", max_length=200, blank=True, help_text="Par exemple : 24 h/24, 7 j/7")
    territory = optional_link(
        Territory,
        "Territoire",
        related_name="relays",
        help_text="Laisser vide pour un relais départemental ou national.",
    )
    is_national_emergency = models.BooleanField(
        "Ligne d'urgence nationale", default=False, help_text="Affichée en tête de liste (3114, 3018, 119…)."
    )
    is_public = models.BooleanField(
        "Visible sur le site public", default=False, help_text="Sinon, réservé à l'espace membres."
    )

    objects = RelayQuerySet.as_manager()

    search_fields = [
        index.SearchField("organisation"),
        index.SearchField("description"),
        index.AutocompleteField("organisation"),
        index.FilterField("domain"),
        index.FilterField("is_public"),
    ]

    class Meta:
        ordering = ["-is_national_emergency", "domain", "organisation"]
        verbose_name = "Relais"
        verbose_name_plural = "Relais"

    def __str__(self):
        return self.organisation

    def territory_name(self):
        return self.territory.name if self.territory else "Département / national"

    territory_name.short_description = "Territoire"

    @property
    def name_without_number(self):
        """ "Allô Enfance en Danger" for "119 – Allô Enfance en Danger": beside its number, the
        name does not say it again."""
        for dash in (" – ", " - ", " — "):
            number, found, name = self.organisation.partition(dash)
            if found and number.strip() == self.phone.strip():
                return name.strip()
        return self.organisation

    @property
    def phone_link(self):
        """The phone number as a tel: target (digits and + only)."""
        return "".join(c for c in self.phone if c.isdigit() or c == "+")
