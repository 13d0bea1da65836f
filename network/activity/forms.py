"""The monthly grid form of the members' space: the grid, its per-network counts and its actions.

``GridEditor`` gathers the three parts, validates them together and saves them in
one transaction, so that a refused submission loses nothing and saves nothing.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from network.activity.models import ActivityGrid, LedAction, NetworkActivity
from network.activity.models.grids import MAX_MONTHLY_COUNT, TOO_MANY_NEW, Device, first_of_month, previous_month
from network.activity.notifications import notify_support_needed
from network.directory.models import SocialProfile, Theme

LOCKED_MESSAGE = (
    "Cette grille a déjà été transmise : elle est verrouillée et n'a pas été modifiée. "
    "Demandez à la coordination de la rouvrir si elle doit être corrigée."
)


class MonthInput(forms.DateInput):
    input_type = "month"

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return f"{value:%Y-%m}"
        return value


class MonthField(forms.DateField):
    widget = MonthInput
    input_formats = ["%Y-%m", "%m/%Y", "%Y-%m-%d"]
    default_error_messages = {"invalid": "Indiquez un mois sous la forme AAAA-MM, par exemple 2025-03."}

    def to_python(self, value):
        date = super().to_python(value.strip() if isinstance(value, str) else value)
        return first_of_month(date) if date else date


class GridForm(forms.ModelForm):
    month = MonthField(label="Mois concerné", help_text="Le mois dont vous rendez compte (AAAA-MM).")
    devices = forms.MultipleChoiceField(
        label="Outils utilisés", choices=Device.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    themes = forms.ModelMultipleChoiceField(
        label="Thématiques abordées avec les jeunes",
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ActivityGrid
        fields = [
            "month",
            "hours_per_week",
            "devices",
            "themes",
            "actions_planned",
            "support_needed",
            "training_wishes",
            "difficulties",
        ]
        widgets = {
            "hours_per_week": forms.NumberInput(attrs={"step": "0.5", "min": "0", "max": "40"}),
            "actions_planned": forms.Textarea(attrs={"rows": 3}),
            "support_needed": forms.Textarea(attrs={"rows": 3}),
            "training_wishes": forms.Textarea(attrs={"rows": 2}),
            "difficulties": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, promeneur, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.promeneur = promeneur
        self.fields["hours_per_week"].error_messages["invalid"] = "Indiquez un nombre d'heures, par exemple 4 ou 2,5."
        # "4,5" (typed the French way) and "4.5" (what a number field sends) are both understood.
        hours = self.data.get("hours_per_week", "") if self.is_bound else ""
        if "," in hours:
            self.data = self.data.copy()
            self.data["hours_per_week"] = hours.replace(",", ".")

    def clean_month(self):
        month = self.cleaned_data["month"]
        others = ActivityGrid.objects.filter(promeneur=self.instance.promeneur, month=month).exclude(
            pk=self.instance.pk
        )
        if others.exists():
            raise ValidationError(
                "Vous avez déjà une grille pour ce mois : ouvrez-la depuis « Mes grilles » pour la compléter."
            )
        return month

    def validate_unique(self):
        # clean_month already says it in French, next to the field.
        pass


class NetworkCountsForm(forms.Form):
    network = forms.ChoiceField(choices=SocialProfile.Network.choices, widget=forms.HiddenInput)
    messages = forms.IntegerField(label="Messages échangés", min_value=0, max_value=MAX_MONTHLY_COUNT, initial=0)
    young_people = forms.IntegerField(label="Jeunes accompagnés", min_value=0, max_value=MAX_MONTHLY_COUNT, initial=0)
    new_young_people = forms.IntegerField(
        label="dont nouveaux jeunes", min_value=0, max_value=MAX_MONTHLY_COUNT, initial=0
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("messages", "young_people", "new_young_people"):
            field = self.fields[name]
            field.widget.attrs.update(min="0", max=str(MAX_MONTHLY_COUNT))
            field.error_messages.update(
                min_value="Ce nombre ne peut pas être négatif.",
                max_value=f"Au plus {MAX_MONTHLY_COUNT} par mois : vérifiez ce nombre.",
                invalid="Indiquez un nombre entier.",
                required="Indiquez 0 si rien.",
            )

    @property
    def network_label(self):
        return dict(SocialProfile.Network.choices).get(self["network"].value(), "")

    def clean(self):
        data = super().clean()
        if (data.get("new_young_people") or 0) > (data.get("young_people") or 0):
            self.add_error("new_young_people", TOO_MANY_NEW)
        return data

    def is_empty(self):
        data = self.cleaned_data
        return not any(data.get(name) for name in ("messages", "young_people", "new_young_people"))


class ActionForm(forms.Form):
    title = forms.CharField(label="Action menée", max_length=200, required=False)
    theme = forms.ModelChoiceField(
        label="Thématique",
        queryset=Theme.objects.order_by("name"),
        required=False,
        empty_label="Choisissez une thématique",
    )
    young_people_reached = forms.IntegerField(
        label="Jeunes touchés",
        min_value=0,
        max_value=MAX_MONTHLY_COUNT,
        required=False,
        error_messages={
            "min_value": "Ce nombre ne peut pas être négatif.",
            "max_value": f"Au plus {MAX_MONTHLY_COUNT} : vérifiez ce nombre.",
            "invalid": "Indiquez un nombre entier.",
        },
    )

    def clean(self):
        data = super().clean()
        if not data.get("title") and (data.get("theme") or data.get("young_people_reached")):
            self.add_error("title", "Donnez un intitulé à cette action (sans identifier de jeune).")
        return data


NetworkFormSet = forms.formset_factory(NetworkCountsForm, extra=0)
ActionFormSet = forms.formset_factory(ActionForm, extra=0)
EXTRA_ACTION_ROWS = 3


class GridEditor:
    """The grid form and its two formsets, validated and saved together."""

    def __init__(self, promeneur, grid=None, data=None):
        self.grid = grid or ActivityGrid(promeneur=promeneur)
        self.is_new = self.grid.pk is None
        initial = {"month": self.default_month()} if self.is_new else None
        self.form = GridForm(data, instance=self.grid, promeneur=promeneur, initial=initial)
        self.networks = NetworkFormSet(data, prefix="reseaux", initial=self.network_initial())
        self.actions = ActionFormSet(data, prefix="actions", initial=self.action_initial())
        self.locked_error = None

    def default_month(self):
        return previous_month()

    def network_initial(self):
        existing = {row.network: row for row in self.grid.network_activities.all()} if self.grid.pk else {}
        own = set(self.grid.promeneur.social_profiles.values_list("network", flat=True))
        codes = sorted((code for code, _label in SocialProfile.Network.choices), key=lambda code: code not in own)
        rows = []
        for code in codes:
            row = existing.get(code)
            rows.append(
                {
                    "network": code,
                    "messages": row.messages if row else 0,
                    "young_people": row.young_people if row else 0,
                    "new_young_people": row.new_young_people if row else 0,
                }
            )
        return rows

    def action_initial(self):
        rows = []
        if self.grid.pk:
            rows = [
                {"title": a.title, "theme": a.theme_id, "young_people_reached": a.young_people_reached}
                for a in self.grid.led_actions.all()
            ]
        return rows + [{} for _ in range(EXTRA_ACTION_ROWS)]

    def is_valid(self):
        valid = all([self.form.is_valid(), self.networks.is_valid(), self.actions.is_valid()])
        if self.grid.pk and ActivityGrid.objects.filter(pk=self.grid.pk, status=ActivityGrid.Status.SUBMITTED).exists():
            self.locked_error = LOCKED_MESSAGE
            return False
        return valid

    @property
    def error_count(self):
        count = len(self.form.errors) + (1 if self.locked_error else 0)
        count += sum(len(errors) for errors in self.networks.errors)
        count += sum(len(errors) for errors in self.actions.errors)
        return count

    def save(self, submit=False):
        previous_support = ""
        if self.grid.pk:
            previous_support = ActivityGrid.objects.filter(pk=self.grid.pk).values_list("support_needed", flat=True)[0]
        grid = self.form.save(commit=False)
        support_changed = grid.support_needed.strip() != previous_support.strip()
        if support_changed:
            # A new or changed request is a new one for the cockpit, even if the last was handled.
            grid.support_handled_at, grid.support_handled_by = None, None
        if submit:
            grid.submit()
        try:
            with transaction.atomic():
                grid.save()
                self.form.save_m2m()
                grid.network_activities.all().delete()
                NetworkActivity.objects.bulk_create(
                    NetworkActivity(grid=grid, **row.cleaned_data) for row in self.networks if not row.is_empty()
                )
                grid.led_actions.all().delete()
                LedAction.objects.bulk_create(
                    LedAction(grid=grid, **row.cleaned_data) for row in self.actions if row.cleaned_data.get("title")
                )
        except IntegrityError:
            # Two submissions of a new grid for the same month at once: the other one won.
            if self.is_new:
                grid.pk = None
                grid._state.adding = True
            self.form.add_error("month", "Vous avez déjà une grille pour ce mois.")
            return None
        if support_changed and grid.support_needed.strip():
            notify_support_needed(grid)
        return grid
