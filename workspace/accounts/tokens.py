"""Secret addresses: calendar apps and feed readers do not log in, so a member gets an
unguessable key that stands for them in a URL, one per purpose, and can reset it (the old
address then stops working)."""

import re
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

# What secrets.token_urlsafe makes (43 characters today); anything else is refused before the database.
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{32,64}")


def new_key():
    return secrets.token_urlsafe(32)


class SecretToken(models.Model):
    """``purpose`` is a short name chosen by the feature that uses the address (e.g. "calendrier")."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="secret_tokens", verbose_name="Membre"
    )
    purpose = models.CharField("Usage", max_length=30)
    key = models.CharField("Clé secrète", max_length=64, unique=True, default=new_key)
    created_at = models.DateTimeField("Créée le", default=timezone.now)

    class Meta:
        verbose_name = "Adresse secrète"
        verbose_name_plural = "Adresses secrètes"
        constraints = [models.UniqueConstraint(fields=["user", "purpose"], name="one_secret_token_per_purpose")]

    def __str__(self):
        return f"Adresse secrète ({self.purpose}) de {self.user}"

    @classmethod
    def for_user(cls, user, purpose):
        return cls.objects.get_or_create(user=user, purpose=purpose)[0]

    @classmethod
    def user_for(cls, key, purpose):
        """The active account this key stands for, or None (malformed or unknown key, account deactivated)."""
        if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
            return None
        token = cls.objects.select_related("user").filter(key=key, purpose=purpose, user__is_active=True).first()
        return token.user if token else None

    def reset(self):
        self.key = new_key()
        self.created_at = timezone.now()
        self.save(update_fields=["key", "created_at"])
