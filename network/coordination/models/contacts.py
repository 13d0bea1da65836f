"""The network's contacts: partners, institutions and funders the coordinator works with. Some of
them sit on a committee: their contact record is then linked to their account on the site."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models

from network.directory.models import Territory
from workspace.accounts.roles import COMMITTEES
from workspace.display import person_name
from workspace.fields import optional_link


def committee_accounts():
    """The accounts a contact may be linked to: members of one of the three committees."""
    return (
        get_user_model()
        .objects.filter(groups__name__in=COMMITTEES, is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class NetworkContact(models.Model):
    class Kind(models.TextChoices):
        PARTNER = "partenaire", "Partenaire"
        INSTITUTION = "institution", "Institution"
        FUNDER = "financeur", "Financeur"
        LOCAL_AUTHORITY = "collectivite", "Collectivité"
        ASSOCIATION = "association", "Association"
        EDUCATION = "education", "Éducation nationale"
        HEALTH = "sante", "Santé"
        MEDIA = "media", "Presse et médias"
        OTHER = "autre", "Autre"

    organisation = models.CharField("Organisme", max_length=200)
    person = models.CharField("Personne", max_length=160, blank=True)
    role = models.CharField("Fonction", max_length=160, blank=True)
    email = models.EmailField("E-mail", blank=True)
    phone = models.CharField("Téléphone", max_length=30, blank=True)
    territory = optional_link(Territory, "Territoire", related_name="network_contacts")
    kind = models.CharField("Type", max_length=20, choices=Kind.choices, default=Kind.PARTNER)
    notes = models.TextField("Notes", blank=True)
    committee_member = optional_link(
        settings.AUTH_USER_MODEL,
        "Compte de membre d'un comité",
        one_to_one=True,
        related_name="network_contact",
        help_text="Si cette personne siège à un comité, son compte sur le site.",
    )
    created_at = models.DateTimeField("Créé le", auto_now_add=True)
    updated_at = models.DateTimeField("Modifié le", auto_now=True)

    class Meta:
        ordering = ["organisation", "person"]
        verbose_name = "Contact du réseau"
        verbose_name_plural = "Contacts du réseau"

    def __str__(self):
        return f"{self.person} ({self.organisation})" if self.person else self.organisation

    def clean(self):
        super().clean()
        if self.committee_member_id and not committee_accounts().filter(pk=self.committee_member_id).exists():
            raise ValidationError(
                {"committee_member": "Ce compte n'est membre d'aucun comité : choisissez le compte d'un membre."}
            )

    def committee_member_name(self):
        return person_name(self.committee_member) if self.committee_member else ""

    committee_member_name.short_description = "Compte de membre d'un comité"

    def committee_names(self):
        if not self.committee_member:
            return ""
        return ", ".join(group.name for group in self.committee_member.groups.all() if group.name in COMMITTEES)

    committee_names.short_description = "Comités"
