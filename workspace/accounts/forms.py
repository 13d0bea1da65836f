from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, _unicode_ci_compare
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.core.mail import EmailMessage
from django.urls import reverse

from workspace import mail
from workspace.accounts.passwords import awaiting_password
from workspace.accounts.roles import PROMENEURS
from workspace.display import count_of

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


class PasswordResetForm(DjangoPasswordResetForm):
    """The reset e-mail is rendered and sent like every other e-mail of the site (workspace/mail.py),
    its link on the site's address (SITE_URL), never on the host the request named."""

    def get_users(self, email):
        """Django leaves out accounts without a usable password. An invited promeneur who lost their
        invitation, or let it expire, has such an account and comes here first: the page tells them
        an e-mail is on its way, so it must be, and its link lets them choose their first password
        (proof of the mailbox, as the invitation itself)."""
        yield from super().get_users(email)
        invited = get_user_model()._default_manager.filter(
            awaiting_password(), email__iexact=email, is_active=True, groups__name=PROMENEURS
        )
        # The same Unicode-aware comparison as Django's, against look-alike addresses.
        yield from (user for user in invited.distinct() if _unicode_ci_compare(email, user.email))

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        path = reverse("accounts:password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]})
        valid_for = count_of(settings.PASSWORD_RESET_TIMEOUT // 3600, "heure")
        context = {**context, "reset_url": mail.absolute_url(path), "valid_for": valid_for}
        # Plain text only: the site sets no html_email_template_name.
        message = EmailMessage(
            mail.render_subject(subject_template_name, context),
            mail.render_body(email_template_name, context),
            from_email,
            [to_email],
        )
        mail.send([message])
