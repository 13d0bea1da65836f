"""Admin listings of the directory: filters, and what the CSV / XLSX exports contain."""

import django_filters
from wagtail.admin.filters import WagtailFilterSet

from network.models import Promeneur, SocialProfile, Structure, Territory

YES_NO = [("true", "Oui"), ("false", "Non")]


class PromeneurFilterSet(WagtailFilterSet):
    territoire = django_filters.ModelChoiceFilter(
        label="Territoire", field_name="territories", queryset=Territory.objects.all(), distinct=True
    )
    structure = django_filters.ModelChoiceFilter(label="Structure", queryset=Structure.objects.all())
    reseau = django_filters.ChoiceFilter(
        label="Réseau social",
        field_name="social_profiles__network",
        choices=SocialProfile.Network.choices,
        distinct=True,
    )
    is_active = django_filters.BooleanFilter(label="Actif")
    public_listing = django_filters.BooleanFilter(label="Dans l'annuaire public")
    a_relire = django_filters.BooleanFilter(label="Profil modifié depuis la dernière relecture", method="filter_review")

    class Meta:
        model = Promeneur
        fields = []

    def filter_review(self, queryset, name, value):
        pending = Promeneur.objects.changed_since_review().values("pk")
        if value is None:
            return queryset
        return queryset.filter(pk__in=pending) if value else queryset.exclude(pk__in=pending)


PROMENEUR_EXPORT = [
    "last_name",
    "first_name",
    "job_title",
    "structure_name",
    "territory_names",
    "email",
    "phone",
    "network_names",
    "hours_online",
    "is_active",
    "public_listing",
    "photo_consent",
    "charter_version",
    "charter_signed_on",
    "entry_date",
    "exit_date",
]
PROMENEUR_EXPORT_HEADINGS = {}

STRUCTURE_EXPORT = [
    "name",
    "get_kind_display",
    "get_status_display",
    "address",
    "postcode",
    "commune",
    "territory_name",
    "phone",
    "website",
    "referent_name",
    "referent_role",
    "referent_email",
    "referent_phone",
    "priority_neighbourhood",
]
STRUCTURE_EXPORT_HEADINGS = {"get_kind_display": "Type", "get_status_display": "Statut"}

RELAY_EXPORT = [
    "organisation",
    "get_domain_display",
    "territory_name",
    "phone",
    "email",
    "website",
    "hours",
    "is_national_emergency",
    "is_public",
]

RELAY_EXPORT_HEADINGS = {"get_domain_display": "Domaine"}
