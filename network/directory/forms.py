"""Forms of the directory pages: a promeneur's own profile."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms import inlineformset_factory

from network.directory.models.people import Promeneur, SocialProfile
from workspace.media.fields import CheckedPhotoField
from workspace.media.validators import ImageUploadValidator
from workspace.security.formsets import PostedRowsFormSetMixin

PHONE_MESSAGE = "Saisissez un numéro de téléphone français valide, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78."
PHONE_RE = re.compile(r"^(?:\+33|0033|0)[1-9]\d{8}$")
PHOTO_EXTENSIONS = ("jpg", "jpeg", "png", "webp")
PRESENTATION_MAX_LENGTH = 2000


def normalise_phone(value):
    """A French phone number written as "06 12 34 56 78", or a ValidationError."""
    digits = re.sub(r"[\s.\-()]", "", value or "")
    if not digits:
        return ""
    if not PHONE_RE.match(digits):
        raise ValidationError(PHONE_MESSAGE, code="invalid_phone")
    national = "0" + digits[-9:]
    return " ".join(national[i : i + 2] for i in range(0, 10, 2))


class ProfileForm(forms.ModelForm):
    """What a promeneur may change in their own record: never their name, structure or status. Their
    job title is theirs to type: the home asks for it when missing, the onboarding's « Profil
    complété » needs it, and the coordination re-reads every change (privacy.save_own_profile)."""

    new_photo = CheckedPhotoField(
        label="Nouvelle photo",
        required=False,
        upload_validator=ImageUploadValidator(extensions=PHOTO_EXTENSIONS),
        help_text="JPEG, PNG ou WebP, 5 Mo au maximum. Elle n'est publiée que si vous l'acceptez ci-dessous.",
    )
    remove_photo = forms.BooleanField(label="Supprimer ma photo actuelle", required=False)

    class Meta:
        model = Promeneur
        fields = [
            "job_title",
            "presentation",
            "hours_online",
            "email",
            "phone",
            "public_listing",
            "photo_consent",
            "grid_reminders",
        ]
        widgets = {"presentation": forms.Textarea(attrs={"rows": 6})}
        # The promeneur speaks of themself here; the admin's labels speak of them.
        labels = {
            "job_title": "Ma fonction",
            "public_listing": "J'accepte de figurer dans l'annuaire public",
            "photo_consent": "J'accepte la diffusion publique de ma photo",
        }
        help_texts = {
            "job_title": "Par exemple : animatrice jeunesse, éducateur de prévention spécialisée.",
            "email": "Visible uniquement par les membres du réseau.",
            "phone": "Visible uniquement par les membres du réseau.",
            "presentation": "Quelques phrases pour les jeunes et les familles (texte simple, sans mise en forme).",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages["invalid"] = (
            "Saisissez une adresse e-mail valide, par exemple prenom.nom@structure.fr."
        )
        self.fields["presentation"].validators.append(MaxLengthValidator(PRESENTATION_MAX_LENGTH))
        self.fields["presentation"].widget.attrs["maxlength"] = PRESENTATION_MAX_LENGTH
        self.fields["new_photo"].widget.attrs["accept"] = ",".join(f".{ext}" for ext in PHOTO_EXTENSIONS)

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])


class SocialProfileForm(forms.ModelForm):
    url = forms.URLField(label="Lien vers le profil", required=False, assume_scheme="https", max_length=200)

    class Meta:
        model = SocialProfile
        fields = ["network", "profile_name", "url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].choices = [("", "Choisissez un réseau social"), *SocialProfile.Network.choices]
        self.fields["url"].error_messages["invalid"] = (
            "Saisissez l'adresse complète du profil, commençant par https:// "
            "(par exemple https://www.instagram.com/monprofil)."
        )

    def clean_url(self):
        url = self.cleaned_data["url"]
        if url and not url.lower().startswith(("https://", "http://")):
            raise ValidationError(self.fields["url"].error_messages["invalid"], code="invalid")
        return url


class BaseSocialProfileFormSet(PostedRowsFormSetMixin, forms.BaseInlineFormSet):
    def get_form_kwargs(self, index):
        """A profile kept needs its network and its name: their fields say so to a screen reader (the
        ``required`` attribute, as the « * » does on screen; the form is novalidate, so the browser
        blocks nothing). A formset leaves it out of every block, for a spare one may stay empty."""
        kwargs = super().get_form_kwargs(index)
        if index is not None and index < self.initial_form_count():
            kwargs["use_required_attribute"] = True
        return kwargs

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            key = (form.cleaned_data.get("network"), (form.cleaned_data.get("profile_name") or "").lower())
            if key in seen:
                form.add_error("profile_name", "Ce profil figure déjà dans la liste.")
            seen.add(key)


SocialProfileFormSet = inlineformset_factory(
    Promeneur,
    SocialProfile,
    form=SocialProfileForm,
    formset=BaseSocialProfileFormSet,
    extra=2,
    can_delete=True,
    max_num=12,
    validate_max=True,
)
