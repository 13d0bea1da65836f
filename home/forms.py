"""The public forms: the network's mailbox (/contact/) and the application to join (/devenir-promeneur/).

Spam is kept out without a third-party service: a honeypot field that people never see (a bot
filling every field gives itself away), a limit of messages per client address, and sizes."""

from django import forms
from django.conf import settings

from network.coordination.models import Application, ContactMessage
from network.coordination.models.applications import NETWORK_LABELS
from network.directory.forms import normalise_phone
from workspace.security.client_ip import client_ip
from workspace.security.throttle import Throttle

HONEYPOT = "site_web"


class PublicFormMixin:
    """A form anyone may send: it carries the honeypot and counts the sender's messages."""

    throttle_scope = "public-form"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Hidden from people (CSS and assistive technologies), seen by bots reading the HTML.
        self.fields[HONEYPOT] = forms.CharField(
            label="Ne remplissez pas ce champ",
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def visible_fields_but_honeypot(self):
        return [field for field in self.visible_fields() if field.name != HONEYPOT]

    def is_from_a_bot(self):
        return bool(self.data.get(HONEYPOT, "").strip())

    def within_limit(self, request):
        """Counts this message against the sender's address; False past the limit."""
        window = settings.PUBLIC_FORM_LIMIT_WINDOW_MINUTES * 60
        return Throttle(self.throttle_scope, settings.PUBLIC_FORM_LIMIT_PER_IP, window).hit(client_ip(request))

    def refuse_flood(self):
        self.add_error(
            None,
            "Vous avez envoyé beaucoup de messages en peu de temps : celui-ci n'est pas parti. "
            f"Réessayez dans {settings.PUBLIC_FORM_LIMIT_WINDOW_MINUTES} minutes ; "
            "votre texte est conservé ci-dessous.",
        )


class ContactForm(PublicFormMixin, forms.ModelForm):
    throttle_scope = "contact"

    message = forms.CharField(label="Votre message", max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "subject", "message"]
        labels = {"name": "Votre nom", "email": "Votre adresse e-mail", "subject": "Objet"}
        help_texts = {"email": "La coordination vous répond à cette adresse."}


class ApplicationForm(PublicFormMixin, forms.ModelForm):
    throttle_scope = "application"

    networks = forms.MultipleChoiceField(
        label="Réseaux sociaux utilisés par la structure",
        choices=list(NETWORK_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Cochez au moins un réseau social."},
    )
    professionals_count = forms.IntegerField(
        label="Nombre de professionnels qui deviendraient promeneurs",
        min_value=1,
        max_value=200,
    )
    motivation = forms.CharField(
        label="Pourquoi souhaitez-vous rejoindre le réseau ?",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    class Meta:
        model = Application
        fields = [*Application.IDENTITY_FIELDS, "networks", "motivation"]
        labels = {
            "structure_name": "Nom de la structure",
            "contact_first_name": "Prénom",
            "contact_last_name": "Nom",
            "contact_role": "Fonction",
            "contact_email": "Adresse e-mail",
            "contact_phone": "Téléphone",
        }
        help_texts = {
            "town": "La commune de la structure.",
            "contact_email": "L'invitation à créer le compte de promeneur sera envoyée à cette adresse.",
        }

    def clean_contact_phone(self):
        return normalise_phone(self.cleaned_data["contact_phone"])
