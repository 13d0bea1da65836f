"""Onboarding of a new promeneur: a checklist the coordinator edits, ticked by hand for what only
the coordinator knows, and by itself for what the site can see (computed, never stored twice)."""

from django.db import models
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.utils import timezone

from network.activity.models import ActivityGrid
from network.directory.models import Promeneur, SocialProfile
from network.events.models import Event, Registration
from workspace.accounts.passwords import awaiting_password
from workspace.display import FEMININE
from workspace.fields import by_user

from .reviews import IndividualReview


class OnboardingStep(models.Model):
    class Observed(models.TextChoices):
        CHARTER = "charte", "Charte signée (date de signature renseignée dans l'annuaire)"
        ACCOUNT = "compte", "Compte créé (mot de passe choisi par le promeneur)"
        PROFILE = "profil", "Profil complété"
        TRAINING = "formation", "Inscrit à une formation"
        GRID = "grille", "Première grille d'activité transmise"
        REVIEW = "bilan", "Premier bilan individuel"

    label = models.CharField("Étape", max_length=120)
    order = models.PositiveIntegerField("Ordre", default=0)
    observed = models.CharField(
        "Cochée automatiquement quand",
        max_length=20,
        choices=Observed.choices,
        blank=True,
        help_text="Laissez vide pour une étape que la coordination coche elle-même.",
    )

    grammatical_gender = FEMININE  # « une … » in the admin's sentences (workspace/display.Noun)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "Étape d'accueil"
        verbose_name_plural = "Étapes d'accueil"
        constraints = [
            models.UniqueConstraint(
                fields=["observed"],
                condition=~Q(observed=""),
                name="one_onboarding_step_per_observation",
                violation_error_message="Une autre étape est déjà cochée automatiquement par cette observation.",
            )
        ]

    def __str__(self):
        return self.label

    @property
    def is_manual(self):
        return not self.observed

    def annotation_name(self):
        return f"onboarding_step_{self.pk}_done"


DEFAULT_STEPS = [
    ("Charte signée", OnboardingStep.Observed.CHARTER),
    ("Compte créé", OnboardingStep.Observed.ACCOUNT),
    ("Profil complété", OnboardingStep.Observed.PROFILE),
    ("Première formation", OnboardingStep.Observed.TRAINING),
    ("Première grille", OnboardingStep.Observed.GRID),
    ("Premier bilan", OnboardingStep.Observed.REVIEW),
]


def seed_onboarding_steps(**kwargs):
    """The default checklist, when there is none (after migrate): the coordinator edits it from then on."""
    if not OnboardingStep.objects.exists():
        OnboardingStep.objects.bulk_create(
            OnboardingStep(label=label, order=index * 10, observed=observed)
            for index, (label, observed) in enumerate(DEFAULT_STEPS, start=1)
        )


class OnboardingCompletion(models.Model):
    """A step the coordinator ticked for a promeneur (steps the site observes are never stored)."""

    promeneur = models.ForeignKey(
        Promeneur, verbose_name="Promeneur", on_delete=models.CASCADE, related_name="onboarding_completions"
    )
    step = models.ForeignKey(OnboardingStep, verbose_name="Étape", on_delete=models.CASCADE, related_name="completions")
    ticked_by = by_user("Cochée par", blank=False)
    ticked_at = models.DateTimeField("Cochée le", default=timezone.now)

    class Meta:
        ordering = ["step__order", "step__pk"]
        verbose_name = "Étape d'accueil franchie"
        verbose_name_plural = "Étapes d'accueil franchies"
        constraints = [models.UniqueConstraint(fields=["promeneur", "step"], name="one_completion_per_step")]

    def __str__(self):
        return f"{self.promeneur} : {self.step}"


# A completed profile: what a young person needs to find and recognise the promeneur online.
PROFILE_TEXT_FIELDS = ("job_title", "presentation", "hours_online")


def profile_completed():
    """The promeneur has a structure, a job title, a presentation, their hours online and at least one
    social profile (the photo stays optional: it needs their consent)."""
    filled = Q(structure__isnull=False)
    for name in PROFILE_TEXT_FIELDS:
        filled &= ~Q(**{name: ""})
    return filled & Exists(SocialProfile.objects.filter(promeneur=OuterRef("pk")))


def observed_conditions():
    """What the site sees, for each observed key: an expression true when the step is done."""
    Observed = OnboardingStep.Observed
    return {
        Observed.CHARTER: Q(charter_signed_on__isnull=False),
        # Accepting an application links the sheet to an account without a password: the account
        # is the promeneur's once they chose one (invitation used, or a password set otherwise).
        Observed.ACCOUNT: Q(user__isnull=False) & ~awaiting_password("user__"),
        Observed.PROFILE: profile_completed(),
        # Registered counts until attendance is marked: a training they were absent from is not theirs.
        Observed.TRAINING: Exists(
            Registration.objects.filter(user=OuterRef("user"), event__kind=Event.Kind.TRAINING)
            .exclude(status=Registration.Status.CANCELLED)
            .exclude(attended=False)
        ),
        # A grid reopened by the coordination was still submitted once.
        Observed.GRID: Exists(ActivityGrid.objects.filter(promeneur=OuterRef("pk"), submitted_at__isnull=False)),
        Observed.REVIEW: Exists(IndividualReview.objects.filter(promeneur=OuterRef("pk"))),
    }


class Onboarding:
    """The checklist, read once, applied to promeneurs in SQL: each step becomes an annotation
    (``onboarding_step_<pk>_done``), so a list of promeneurs costs one query whatever its size."""

    def __init__(self, steps=None):
        self.steps = list(OnboardingStep.objects.all() if steps is None else steps)

    def annotate(self, promeneurs):
        conditions = observed_conditions()
        annotations = {}
        for step in self.steps:
            if step.observed:
                done = conditions[step.observed]
            else:
                done = Exists(OnboardingCompletion.objects.filter(promeneur=OuterRef("pk"), step=step))
            annotations[step.annotation_name()] = ExpressionWrapper(done, output_field=BooleanField())
        return promeneurs.annotate(**annotations)

    def unfinished(self, promeneurs):
        """``promeneurs`` (annotated) with at least one step left."""
        if not self.steps:
            return promeneurs.none()
        left = Q()
        for step in self.steps:
            left |= Q(**{step.annotation_name(): False})
        return self.annotate(promeneurs).filter(left)

    def newcomers(self):
        """Active promeneurs whose onboarding is not finished, those who arrived first first."""
        active = Promeneur.objects.active().filter(anonymised_at__isnull=True)
        return self.unfinished(active).order_by(F("entry_date").asc(nulls_last=True), "last_name", "pk")

    def is_done(self, promeneur, step):
        return bool(getattr(promeneur, step.annotation_name()))

    def missing_steps(self, promeneur):
        """The steps ``promeneur`` (annotated) has not done, in the checklist's order."""
        return [step for step in self.steps if not self.is_done(promeneur, step)]

    def for_promeneur(self, promeneur):
        """``promeneur`` annotated with the checklist, for a screen about them."""
        return self.annotate(Promeneur.objects.filter(pk=promeneur.pk)).get()
