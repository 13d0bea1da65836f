"""The departmental charter: a page whose every publication under a new number is a version,
kept with its text, that each promeneur accepts from their space."""

import re

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from network.directory.models import Promeneur
from workspace.accounts.roles import PROMENEURS, is_coordination, user_groups
from workspace.cockpit.blocks import forget_blocks
from workspace.pages.blocks import RICH_TEXT_FEATURES
from workspace.pages.models import BasePage

# The rich-text editor adds its own block keys: they are no change of the text.
BLOCK_KEYS = re.compile(r'\sdata-block-key="[^"]*"')


def same_text(first, second):
    return BLOCK_KEYS.sub("", first or "").split() == BLOCK_KEYS.sub("", second or "").split()


class CharterPage(RoutablePageMixin, BasePage):
    """The charter as the public reads it (/charte/); publishing it under a new version number
    publishes a new version, which every promeneur must accept again."""

    version_label = models.CharField(
        "Numéro de version",
        max_length=20,
        help_text="Publier la page avec un nouveau numéro crée une nouvelle version : chaque promeneur devra "
        "l'accepter depuis son espace. Le texte d'une version déjà publiée ne change plus.",
    )
    text = RichTextField("Texte de la charte", features=RICH_TEXT_FEATURES)

    content_panels = BasePage.content_panels[:1] + [
        FieldPanel("intro"),
        FieldPanel("version_label"),
        FieldPanel("text"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("text")]
    max_count = 1
    subpage_types = []
    template = "coordination/charter_page.html"

    class Meta:
        verbose_name = "Charte départementale"

    def clean(self):
        super().clean()
        published = CharterVersion.objects.filter(label=self.version_label).first()
        if published is None:
            return
        if published != CharterVersion.current():
            raise ValidationError(
                {"version_label": f"La version {published.label} est une version ancienne : donnez un nouveau numéro."}
            )
        if not same_text(published.text, self.text):
            raise ValidationError(
                {
                    "version_label": f"La version {published.label} est déjà publiée et acceptée avec son texte : "
                    "pour changer le texte, donnez un nouveau numéro de version "
                    "(les promeneurs l'accepteront à nouveau)."
                }
            )

    def publish_version(self):
        """The version this page stands for, created the first time it is published under its number."""
        version, _ = CharterVersion.objects.get_or_create(
            label=self.version_label, defaults={"text": self.text, "published_at": timezone.now()}
        )
        return version

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["version"] = CharterVersion.current()
        context["must_accept"] = must_accept_charter(request.user)
        return context

    @path("")
    def charter(self, request):
        return self.render(request)

    @path("accepter/", name="accept")
    def accept_view(self, request):
        # Imported here: the view module imports this one.
        from network.coordination.views.charter import accept_charter

        return accept_charter(request, self)


class CharterVersion(models.Model):
    label = models.CharField("Version", max_length=20, unique=True)
    text = RichTextField("Texte", features=RICH_TEXT_FEATURES)
    published_at = models.DateTimeField("Publiée le", default=timezone.now)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = "Version de la charte"
        verbose_name_plural = "Versions de la charte"

    def __str__(self):
        return f"Version {self.label}"

    @classmethod
    def current(cls):
        return cls.objects.first()

    def acceptance_count(self):
        # Listings annotate the count (``acceptances_total``) rather than ask once per row.
        if hasattr(self, "acceptances_total"):
            return self.acceptances_total
        return self.acceptances.count()

    acceptance_count.short_description = "Acceptations"


class CharterAcceptance(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="charter_acceptances", verbose_name="Membre"
    )
    version = models.ForeignKey(
        CharterVersion, on_delete=models.PROTECT, related_name="acceptances", verbose_name="Version"
    )
    accepted_at = models.DateTimeField("Acceptée le", default=timezone.now)

    class Meta:
        ordering = ["-accepted_at"]
        verbose_name = "Acceptation de la charte"
        verbose_name_plural = "Acceptations de la charte"
        constraints = [models.UniqueConstraint(fields=["user", "version"], name="one_acceptance_per_version")]

    def __str__(self):
        return f"{self.member_name()} : version {self.version.label}"

    def member_name(self):
        return self.user.get_full_name() or self.user.get_username()

    member_name.short_description = "Membre"

    def member_email(self):
        return self.user.email

    member_email.short_description = "E-mail"


def is_asked_to_accept(user):
    """Promeneurs accept the charter; Coordination (and superusers) are never held back."""
    return user.is_authenticated and PROMENEURS in user_groups(user) and not is_coordination(user)


# Every page of the space asks whether its promeneur is up to date with the charter: the current
# version and each member's last accepted version are kept in the shared cache (forgotten when a
# version is published, or an acceptance deleted: coordination/apps.py).
CURRENT_VERSION_KEY = "charter:current-version"


def accepted_version_key(user_pk):
    return f"charter:accepted-version:{user_pk}"


def current_version_pk():
    return cache.get_or_set(
        CURRENT_VERSION_KEY, lambda: CharterVersion.objects.values_list("pk", flat=True).first() or 0, None
    )


def forget_charter_versions(sender, instance, **kwargs):
    cache.delete(CURRENT_VERSION_KEY)
    transaction.on_commit(lambda: cache.delete(CURRENT_VERSION_KEY))


def forget_acceptance(sender, instance, **kwargs):
    cache.delete(accepted_version_key(instance.user_id))


def must_accept_charter(user):
    """True when ``user`` is a promeneur who has not accepted the current version (read once per user object)."""
    if not is_asked_to_accept(user):
        return False
    if not hasattr(user, "_must_accept_charter"):
        current = current_version_pk()
        if not current or cache.get(accepted_version_key(user.pk)) == current:
            user._must_accept_charter = False
        else:
            accepted = CharterAcceptance.objects.filter(user=user, version_id=current).exists()
            if accepted:
                cache.set(accepted_version_key(user.pk), current, None)
            user._must_accept_charter = not accepted
    return user._must_accept_charter


def accept(user, version, accepted_at=None):
    """Record that ``user`` accepts ``version`` (once) and keep their directory sheet in step."""
    with transaction.atomic():
        acceptance, _ = CharterAcceptance.objects.get_or_create(
            user=user, version=version, defaults={"accepted_at": accepted_at or timezone.now()}
        )
        Promeneur.objects.filter(user=user).update(
            charter_version=version.label, charter_signed_on=timezone.localdate(acceptance.accepted_at)
        )
        forget_blocks(Promeneur)
    user._must_accept_charter = False
    return acceptance
