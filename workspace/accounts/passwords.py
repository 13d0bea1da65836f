"""An account created for an invitation has no password until its owner chooses one: the
onboarding's « Compte créé », the invitation link and the password reset all ask this one question."""

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import Q


def awaiting_password(user_path=""):
    """Q for the accounts whose owner has not chosen a password yet; ``user_path`` reaches the account
    from another model ("user__")."""
    return Q(**{f"{user_path}password__startswith": UNUSABLE_PASSWORD_PREFIX})
