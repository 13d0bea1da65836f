"""Addresses of the coordination's follow-up of each promeneur (issue 11, items 2 and 3): individual
reviews, their export, the onboarding checklist and the newcomers' screens. Coordination only: a
promeneur or a committee member is sent to the admin's login page, even when posting."""

from network.coordination.models import IndividualReview, OnboardingCompletion, OnboardingStep
from tests.access import Nobody, Post, coordination_admin
from tests.factories import PromeneurFactory

SECRET_NOTE = "Note confidentielle du bilan de Mélusine"
R = "/admin/coordination/individualreview/"
S = "/admin/coordination/onboardingstep/"
A = "/admin/accompagnement/"


def review_count(objects):
    return IndividualReview.objects.count()


def ticks_of_newcomer(objects):
    return sorted(OnboardingCompletion.objects.filter(promeneur=objects["newcomer_pk"]).values_list("step", flat=True))


def steps(objects):
    return list(OnboardingStep.objects.values_list("pk", "label"))


REFUSED_POST = coordination_admin("302")

ROWS = [
    (R, coordination_admin()),
    (R + "?q=Mélusine&kind__exact=bilan_regulier", coordination_admin()),
    (R + "?export=csv", coordination_admin()),
    (R + "?export=xlsx", coordination_admin()),
    (
        R + "create/?promeneur={newcomer_pk}",
        coordination_admin(),
        Post(
            REFUSED_POST,
            review_count,
            {"promeneur": "{newcomer_pk}", "date": "2026-10-01", "kind": "prise_de_poste"},
            ("coordination",),
        ),
    ),
    (R + "edit/{review_pk}/", coordination_admin()),
    (R + "delete/{review_pk}/", coordination_admin()),
    (R + "inspect/{review_pk}/", coordination_admin(f"shows:{SECRET_NOTE}")),
    (R + "history/{review_pk}/", coordination_admin()),
    (S, coordination_admin()),
    (S + "?export=csv", coordination_admin()),
    (
        S + "create/",
        coordination_admin(),
        Post(
            REFUSED_POST, steps, {"label": "Visite de la structure", "order": "70", "observed": ""}, ("coordination",)
        ),
    ),
    (S + "edit/{manual_step_pk}/", coordination_admin()),
    (S + "delete/{manual_step_pk}/", coordination_admin()),
    (S + "inspect/{manual_step_pk}/", coordination_admin()),
    (S + "history/{manual_step_pk}/", coordination_admin()),
    (A + "bilans/export/", coordination_admin()),
    (A + "bilans/export/?start=2026-01-01&end=2026-12-31&format=csv", coordination_admin()),
    (A + "bilans/export/?start=2026-12-31&end=2026-01-01&format=csv", Nobody(coordination_admin("400"))),
    (A + "accueil/", coordination_admin("shows:Mélusine Amiel")),
    (
        A + "accueil/{newcomer_pk}/",
        coordination_admin("shows:Étape manuelle de la matrice"),
        Post(REFUSED_POST, ticks_of_newcomer, {"steps": ["{manual_step_pk}"]}, ("coordination",)),
    ),
    (A + "accueil/999999/", Nobody(coordination_admin("404"))),
]


def make_objects():
    newcomer = PromeneurFactory(user=None, first_name="Mélusine", last_name="Amiel")
    review = IndividualReview.objects.create(promeneur=newcomer, kind="bilan_regulier", notes=SECRET_NOTE)
    step = OnboardingStep.objects.create(label="Étape manuelle de la matrice", order=1)
    return {"newcomer_pk": newcomer.pk, "review_pk": review.pk, "manual_step_pk": step.pk}
