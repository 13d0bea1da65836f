"""The departmental charter's versions, kept with their text, and each promeneur's acceptance
(the page that publishes them: charter_page.py)."""

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.utils import timezone
from wagtail.fields import RichTextField

from network.directory.models import Promeneur
from workspace.accounts.roles import PROMENEURS, is_coordination, user_groups
from workspace.cockpit.blocks import forget_blocks
from workspace.display import FEMININE, person_name
from workspace.pages.blocks import RICH_TEXT_FEATURES


class CharterVersion(models.Model):
    label = models.CharField("Version", max_length=20, unique=True)
    text = RichTextField("Texte", features=RICH_TEXT_FEATURES)
    published_at = models.DateTimeField("Publiée le", default=timezone.now)

    grammatical_gender = FEMININE  # « une … » in the admin's sentences (workspace/display.Noun)

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

    grammatical_gender = FEMININE  # « une … » in the admin's sentences (workspace/display.Noun)

    class Meta:
        ordering = ["-accepted_at"]
        verbose_name = "Acceptation de la charte"
        verbose_name_plural = "Acceptations de la charte"
        constraints = [models.UniqueConstraint(fields=["user", "version"], name="one_acceptance_per_version")]

    def __str__(self):
        return f"{self.member_name()} : version {self.version.label}"

    def member_name(self):
        return person_name(self.user)

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
