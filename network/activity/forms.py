"""The monthly grid form of the members' space: the grid, its per-network counts and its actions.

``GridEditor`` gathers the three parts, validates them together and saves them in
one transaction, so that a refused submission loses nothing and saves nothing.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from network.activity.models.grids import (
    MAX_MONTHLY_COUNT,
    TOO_MANY_HOURS,
    ActivityGrid,
    Device,
    LedAction,
    NetworkActivity,
    first_of_month,
    month_to_fill,
)
from network.activity.notifications import notify_support_needed
from network.directory.models import SocialProfile, Theme
from workspace.security.formsets import PostedRowsFormSetMixin

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
    default_error_messages = {
        "invalid": "Indiquez un mois sous la forme AAAA-MM, par exemple 2025-03.",
        "required": "Indiquez le mois concerné, sous la forme AAAA-MM.",
    }

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
            # A text field with the decimal keypad: a number field in a browser set to English drops the
            # comma of "2,5" and sends 25 (the form reads both 2,5 and 2.5).
            "hours_per_week": forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            "actions_planned": forms.Textarea(attrs={"rows": 2}),
            "support_needed": forms.Textarea(attrs={"rows": 2}),
            "training_wishes": forms.Textarea(attrs={"rows": 2}),
            "difficulties": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, promeneur, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.promeneur = promeneur
        hours = self.fields["hours_per_week"]
        # A draft saves whatever is filled; the grid sent to the coordination says its hours.
        hours.required = submitting
        hours.error_messages.update(
            invalid="Indiquez un nombre d'heures, par exemple 4 ou 2,5.",
            required="Indiquez vos heures en ligne par semaine (0 si aucune) avant de transmettre la grille.",
            max_decimal_places="Une décimale au plus, par exemple 2,5.",
            # "1000" is refused for its digits before the model's maximum is checked: the same message.
            max_digits=TOO_MANY_HOURS,
            max_whole_digits=TOO_MANY_HOURS,
        )
        # "4,5" (typed the French way) and "4.5" (what a number field sends) are both understood.
        hours = self.data.get("hours_per_week", "") if self.is_bound else ""
        if "," in hours:
            self.data = self.data.copy()
            self.data["hours_per_week"] = hours.replace(",", ".")

    def clean_hours_per_week(self):
        hours = self.cleaned_data["hours_per_week"]
        return 0 if hours is None else hours

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


class CountField(forms.IntegerField):
    """A monthly count: left empty, it is 0 (a draft saves whatever is filled)."""

    widget = forms.NumberInput(attrs={"inputmode": "numeric", "placeholder": "0"})

    def __init__(self, label):
        super().__init__(
            label=label,
            required=False,
            min_value=0,
            max_value=MAX_MONTHLY_COUNT,
            error_messages={
                "min_value": "Ce nombre ne peut pas être négatif.",
                "max_value": f"Au plus {MAX_MONTHLY_COUNT} par mois : vérifiez ce nombre.",
                "invalid": "Indiquez un nombre entier, par exemple 12.",
            },
        )

    def to_python(self, value):
        number = super().to_python(value)
        return 0 if number is None else number


def has_value(bound_field):
    """Whether a box holds something other than nothing or 0, saved or typed."""
    return bound_field.value() not in (None, "", 0, "0")


class NetworkCountsForm(forms.ModelForm):
    """One network's counts; the model checks them (NetworkActivity.clean)."""

    COUNTS = ("messages", "young_people", "new_young_people")
    messages = CountField("Messages échangés")
    young_people = CountField("Jeunes accompagnés")
    new_young_people = CountField("dont nouveaux jeunes")

    class Meta:
        model = NetworkActivity
        fields = ["network", "messages", "young_people", "new_young_people"]
        widgets = {"network": forms.HiddenInput}
        error_messages = {"network": {"invalid_choice": "Ce réseau est inconnu : rechargez la page."}}

    @property
    def network_label(self):
        return dict(SocialProfile.Network.choices).get(self["network"].value(), "")

    @property
    def block_name(self):
        """What the summary of mistakes calls this row: its network, as its legend does."""
        return self.network_label

    def is_empty(self):
        return not any(self.cleaned_data.get(name) for name in self.COUNTS)

    def has_counts(self):
        """Whether a number other than 0 is saved or typed in this row (it is then shown, not folded)."""
        return any(has_value(self[name]) for name in self.COUNTS)


class BaseNetworkFormSet(PostedRowsFormSetMixin, forms.BaseFormSet):
    def clean(self):
        networks = [form.cleaned_data.get("network") for form in self.forms if form.cleaned_data]
        if len(networks) != len(set(networks)):
            raise ValidationError("Un réseau apparaît deux fois dans la grille : rechargez la page avant de la saisir.")


class ActionForm(forms.ModelForm):
    """One action led this month; an empty row is ignored, the model checks the others."""

    title = forms.CharField(
        label="Action menée",
        max_length=200,
        required=False,
        error_messages={"max_length": "Au plus 200 caractères : un intitulé court suffit."},
    )
    young_people_reached = CountField("Jeunes touchés")

    class Meta:
        model = LedAction
        fields = ["title", "theme", "young_people_reached"]
        error_messages = {"theme": {"invalid_choice": "Choisissez une thématique de la liste."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.order_by("name")
        self.fields["theme"].empty_label = "Choisir (facultatif)"

    def clean(self):
        data = super().clean()
        if not data.get("title") and (data.get("theme") or data.get("young_people_reached")):
            self.add_error("title", "Donnez un intitulé à cette action (sans identifier de jeune).")
        return data

    def is_filled(self):
        return bool(self.cleaned_data.get("title"))

    def has_content(self):
        """Whether something is saved or typed in this row (it is then shown, not folded)."""
        return bool(self.errors) or any(has_value(self[name]) for name in self.fields)


class BaseActionFormSet(PostedRowsFormSetMixin, forms.BaseFormSet):
    pass


NetworkFormSet = forms.formset_factory(NetworkCountsForm, formset=BaseNetworkFormSet, extra=0)
ActionFormSet = forms.formset_factory(ActionForm, formset=BaseActionFormSet, extra=0)
EXTRA_ACTION_ROWS = 3


class GridEditor:
    """The grid form and its two formsets, validated and saved together.

    On screen, the promeneur's own networks (those of their profile) and the rows already
    filled come first; the other networks and the spare action rows are folded away
    (``shown_networks`` / ``other_networks``, ``shown_actions`` / ``other_actions``)."""

    def __init__(self, promeneur, grid_url, grid=None, data=None):
        # The activity page's address of a grid, for the coordination's alert.
        self.grid_url = grid_url
        self.grid = grid or ActivityGrid(promeneur=promeneur)
        self.is_new = self.grid.pk is None
        # A new grid starts empty, not at "0": nothing to erase before typing.
        initial = {"month": month_to_fill(promeneur), "hours_per_week": None} if self.is_new else None
        submitting = data is not None and data.get("action") == "submit"
        self.form = GridForm(data, instance=self.grid, promeneur=promeneur, initial=initial, submitting=submitting)
        self.own_networks = set(promeneur.social_profiles.values_list("network", flat=True))
        self.networks = NetworkFormSet(data, prefix="reseaux", initial=self.network_initial())
        self.actions = ActionFormSet(data, prefix="actions", initial=self.action_initial())
        self.locked_error = None

    def network_initial(self):
        existing = {row.network: row for row in self.grid.network_activities.all()} if self.grid.pk else {}
        codes = sorted(
            (code for code, _label in SocialProfile.Network.choices), key=lambda code: code not in self.own_networks
        )
        # A network without a row shows empty boxes ("0" as a placeholder): nothing to erase before typing.
        return [
            {"network": code}
            | ({name: getattr(existing[code], name) for name in NetworkCountsForm.COUNTS} if code in existing else {})
            for code in codes
        ]

    def _shown_network(self, row):
        return row["network"].value() in self.own_networks or row.has_counts() or bool(row.errors)

    @property
    def shown_networks(self):
        return [row for row in self.networks if self._shown_network(row)]

    @property
    def other_networks(self):
        return [row for row in self.networks if not self._shown_network(row)]

    def action_initial(self):
        rows = []
        if self.grid.pk:
            rows = [
                {"title": a.title, "theme": a.theme_id, "young_people_reached": a.young_people_reached}
                for a in self.grid.led_actions.all()
            ]
        return rows + [{} for _ in range(EXTRA_ACTION_ROWS)]

    def _action_split(self):
        """The rows with something in them and one empty row are shown; the other empty rows are folded."""
        filled = [row for row in self.actions if row.has_content()]
        empty = [row for row in self.actions if not row.has_content()]
        return filled + empty[:1], empty[1:]

    @property
    def shown_actions(self):
        return self._action_split()[0]

    @property
    def other_actions(self):
        return self._action_split()[1]

    def is_valid(self):
        valid = all([self.form.is_valid(), self.networks.is_valid(), self.actions.is_valid()])
        if self.grid.pk and ActivityGrid.objects.filter(pk=self.grid.pk, status=ActivityGrid.Status.SUBMITTED).exists():
            self.locked_error = LOCKED_MESSAGE
            return False
        return valid

    @property
    def error_count(self):
        count = len(self.form.errors) + (1 if self.locked_error else 0)
        count += sum(len(errors) for errors in self.networks.errors) + len(self.networks.non_form_errors())
        count += len(self.actions.non_form_errors())
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
        rows = [row.save(commit=False) for row in self.networks if not row.is_empty()]
        actions = [row.save(commit=False) for row in self.actions if row.is_filled()]
        try:
            with transaction.atomic():
                grid.save()
                self.form.save_m2m()
                grid.network_activities.all().delete()
                grid.led_actions.all().delete()
                for row in rows + actions:
                    row.grid = grid
                NetworkActivity.objects.bulk_create(rows)
                LedAction.objects.bulk_create(actions)
        except IntegrityError:
            # Everything else was validated by the forms and the models: only a second submission of
            # a new grid for the same month, at the same moment, can get here. The other one won.
            if not self.is_new or not self.grid.promeneur.activity_grids.filter(month=grid.month).exists():
                raise
            grid.pk = None
            grid._state.adding = True
            self.form.add_error("month", "Vous avez déjà une grille pour ce mois.")
            return None
        if support_changed and grid.support_needed.strip():
            notify_support_needed(grid, self.grid_url(grid))
        return grid
