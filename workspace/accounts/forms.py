from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm

# One message for every failure, so that the form never tells whether an account exists.
INVALID_LOGIN = "Identifiant ou mot de passe incorrect. Vérifiez votre saisie et réessayez."


class LoginForm(AuthenticationForm):
    """Log in with a username or an e-mail address."""

    error_messages = {"invalid_login": INVALID_LOGIN, "inactive": INVALID_LOGIN}

    username = forms.CharField(
        label="Identifiant ou adresse e-mail",
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )

    def clean_username(self):
        value = self.cleaned_data["username"].strip()
        if "@" in value:
            matches = list(get_user_model().objects.filter(email__iexact=value).values_list("username", flat=True)[:2])
            if len(matches) == 1:
                return matches[0]
        return value
