import uuid

from django import forms
from django.conf import settings

from resources.exchanges.models.discussions import Category, Kind
from resources.exchanges.models.faq import Visibility

PRIVACY_REMINDER = (
    "N'écrivez jamais rien qui permette d'identifier un jeune : ni nom, ni pseudo, ni établissement, "
    "ni capture d'écran, ni détail reconnaissable."
)
MARKDOWN_HELP = "Mise en forme simple : **gras**, *italique*, listes avec « - », liens [texte](https://…)."


def message_field(label="Votre message"):
    limit = settings.EXCHANGES_MESSAGE_MAX_LENGTH
    return forms.CharField(
        label=label,
        max_length=limit,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": limit}),
        help_text=f"Rien qui identifie un jeune. {MARKDOWN_HELP} {limit:_} caractères au plus.".replace("_", " "),
        error_messages={
            "required": "Le message est vide : écrivez votre texte.",
            "max_length": (
                "Le message est trop long : %(limit_value)s caractères au plus (il en compte %(show_value)s)."
            ),
        },
    )


class TokenForm(forms.Form):
    """Carries a one-time token so that submitting the same form twice creates one record."""

    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("form_token", uuid.uuid4())

    def clean_form_token(self):
        """A missing or altered token never blocks the member: the submission just gets a fresh one."""
        try:
            return uuid.UUID(self.cleaned_data.get("form_token") or "")
        except ValueError:
            return uuid.uuid4()


class DiscussionForm(TokenForm):
    title = forms.CharField(
        label="Titre",
        max_length=160,
        error_messages={
            "required": "Donnez un titre à votre discussion (il ne peut pas être fait que d'espaces).",
            "max_length": "Le titre est trop long : %(limit_value)s caractères au plus.",
        },
    )
    kind = forms.ChoiceField(
        label="Vous partagez",
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez ce que vous partagez : une situation, une pratique ou une question."},
    )
    category = forms.ChoiceField(
        label="Catégorie",
        choices=[("", "Choisissez une catégorie"), *Category.choices],
        error_messages={"required": "Choisissez une catégorie."},
    )
    tags = forms.CharField(
        label="Mots-clés",
        required=False,
        max_length=200,
        help_text="Facultatif, séparés par des virgules : harcèlement, Discord, RGPD…",
    )
    body = message_field()

    field_order = ["title", "kind", "category", "tags", "body"]

    def clean_tags(self):
        names = [name.strip()[:50] for name in self.cleaned_data["tags"].split(",")]
        return list(dict.fromkeys(name for name in names if name))[:8]


class ReplyForm(TokenForm):
    body = message_field("Votre réponse")


class EditForm(forms.Form):
    body = message_field("Texte du message")
    reason = forms.CharField(
        label="Motif de la modification",
        required=False,
        max_length=500,
        help_text="Obligatoire quand la coordination modifie le message d'un membre : il sera envoyé à son auteur.",
    )

    def __init__(self, *args, reason_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.reason_required = reason_required

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if self.reason_required and not reason:
            raise forms.ValidationError("Indiquez le motif : l'auteur du message le recevra.")
        return reason


def reason_field(label, help_text, missing):
    """Why someone acts on a message (the moderator hides it, a member reports it): required, at
    most 1,000 characters; ``missing`` is the message when it is left empty."""
    return forms.CharField(
        label=label,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=help_text,
        error_messages={"required": missing},
    )


class ModerationForm(forms.Form):
    action = forms.ChoiceField(choices=[("hide", "Masquer"), ("unhide", "Rendre visible")], widget=forms.HiddenInput)
    reason = reason_field(
        "Motif", "Envoyé par e-mail à l'auteur du message.", "Indiquez le motif : l'auteur du message le recevra."
    )


class ReportForm(forms.Form):
    reason = reason_field(
        "Pourquoi signalez-vous ce message ?",
        "Par exemple : il permet d'identifier un jeune, il est blessant, il sort du cadre.",
        "Indiquez pourquoi vous signalez ce message.",
    )


class FaqForm(forms.Form):
    visibility = forms.ChoiceField(
        label="Visibilité de l'entrée",
        choices=Visibility.choices,
        initial=Visibility.MEMBERS,
        widget=forms.RadioSelect,
    )


class PreferencesForm(forms.Form):
    reply_emails = forms.BooleanField(label="Recevoir un e-mail quand on répond à mes discussions", required=False)
    weekly_digest = forms.BooleanField(label="Recevoir la lettre hebdomadaire de l'espace membres", required=False)
    categories = forms.MultipleChoiceField(
        label="Catégories suivies",
        help_text="Vous recevez un e-mail à chaque nouvelle discussion dans ces catégories.",
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
