from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from workspace.accounts.forms import LoginForm, PasswordResetForm
from workspace.accounts.landing import landing_url
from workspace.security.client_ip import client_ip
from workspace.security.throttle import Throttle


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = False

    def get_default_redirect_url(self):
        # Without a safe ``next``: each role's own home (committee members have no /espace/).
        return landing_url(self.request.user)


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, "Vous êtes déconnecté. À bientôt !")
        return response


def password_reset_allowed(request, email):
    """Counts this request against its e-mail address and its client address."""
    window = settings.PASSWORD_RESET_LIMIT_WINDOW_MINUTES * 60
    counters = [
        (Throttle("password-reset-email", settings.PASSWORD_RESET_LIMIT_PER_EMAIL, window), email.strip().lower()),
        (Throttle("password-reset-ip", settings.PASSWORD_RESET_LIMIT_PER_IP, window), client_ip(request)),
    ]
    # Every counter counts the request, even past the first refusal.
    within_limits = [throttle.hit(key) for throttle, key in counters]
    return all(within_limits)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = PasswordResetForm
    email_template_name = "accounts/emails/password_reset.txt"
    subject_template_name = "accounts/emails/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if not password_reset_allowed(self.request, form.cleaned_data["email"]):
            form.add_error(
                None,
                "Trop de demandes de nouveau mot de passe pour cette adresse ou depuis votre connexion. "
                f"Réessayez dans {settings.PASSWORD_RESET_LIMIT_WINDOW_MINUTES} minutes, "
                "ou écrivez à la coordination si le lien reçu ne fonctionne pas.",
            )
            return self.form_invalid(form)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")
