"""Personal secret feed addresses: feed readers do not log in, so each member gets
an unguessable token that stands for them in the feed URL, and can reset it."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from workspace.accounts.roles import is_member


def new_key():
    return secrets.token_urlsafe(32)


class FeedToken(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_token", verbose_name="Membre"
    )
    key = models.CharField("Clé secrète", max_length=64, unique=True, default=new_key)
    created_at = models.DateTimeField("Créée le", auto_now_add=True)
    reset_at = models.DateTimeField("Renouvelée le", null=True, blank=True)

    class Meta:
        verbose_name = "Clé de flux RSS"
        verbose_name_plural = "Clés de flux RSS"

    def __str__(self):
        return f"Clé de flux de {self.user}"

    @classmethod
    def for_user(cls, user):
        token, _ = cls.objects.get_or_create(user=user)
        return token

    @classmethod
    def member_for_key(cls, key):
        """The active member this key stands for, or None (unknown key, account
        deactivated, or no longer a member)."""
        if not key or len(key) > 64:
            return None
        token = cls.objects.select_related("user").filter(key=key).first()
        if token is None or not token.user.is_active or not is_member(token.user):
            return None
        return token.user

    def reset(self):
        self.key = new_key()
        self.reset_at = timezone.now()
        self.save(update_fields=["key", "reset_at"])
