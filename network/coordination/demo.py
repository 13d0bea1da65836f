"""Individual reviews of the demo promeneurs (demo only): some recent, some a year old, one with a
next date already passed, and the newest promeneurs never seen, so that the cockpit shows each case."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from network.coordination.models import IndividualReview
from network.coordination.models.onboarding import seed_onboarding_steps
from network.directory.models import Promeneur

OBJECTIVES = (
    "Deux permanences en ligne par semaine ; un live par mois sur l'orientation.",
    "Ouvrir un compte Discord de la structure ; participer à la prochaine analyse de pratiques.",
    "Présenter le dispositif à l'équipe ; suivre la formation « santé mentale ».",
)


@transaction.atomic
def load(stdout):
    seed_onboarding_steps()
    if IndividualReview.objects.exists():
        return []
    today = timezone.localdate()
    coordinator = get_user_model().objects.filter(username="coordination").first()
    promeneurs = list(Promeneur.objects.active().order_by("last_name", "first_name"))
    reviews = []
    # The last three promeneurs of the list stay never reviewed: newcomers for the cockpit.
    for index, promeneur in enumerate(promeneurs[:-3]):
        days_ago = (30, 200, 400)[index % 3]
        date = today - datetime.timedelta(days=days_ago + index)
        next_review_on = date + datetime.timedelta(days=180) if index % 4 == 1 else None
        reviews.append(
            IndividualReview(
                promeneur=promeneur,
                date=date,
                kind=IndividualReview.Kind.REGULAR if index % 3 else IndividualReview.Kind.START,
                objectives=OBJECTIVES[index % len(OBJECTIVES)],
                notes="Échange fictif de démonstration.",
                next_review_on=next_review_on,
                written_by=coordinator,
            )
        )
    IndividualReview.objects.bulk_create(reviews)
    stdout.write(f"Bilans individuels : {len(reviews)}.")
    return []
