"""The coordination's blocks of the cockpit (workspace/cockpit): reviews due, newcomers on their way."""

from django.conf import settings
from django.urls import reverse, reverse_lazy

from network.coordination.admin_views.onboarding import checklist_url
from network.coordination.admin_views.reviews import new_review_url
from network.coordination.models.onboarding import Onboarding
from network.coordination.models.reviews import due_for_review
from workspace.cockpit.blocks import CockpitAction, CockpitBlock, CockpitItem


class ReviewsDueBlock(CockpitBlock):
    name = "bilans"
    watched = ("directory.Promeneur", "directory.Structure", "coordination.IndividualReview")
    title = "Bilans à faire"
    order = 50
    empty_text = "Aucun bilan individuel en retard."
    permission = "coordination.add_individualreview"
    # Every promeneur whose review is due, on the cockpit's page of the block: the reviews' listing
    # shows the reviews made, not those to make.
    lists_every_item = True
    more_label = "Tous les bilans à faire"

    def get_queryset(self, request):
        return due_for_review().select_related("structure")

    def item(self, promeneur):
        if promeneur.last_review_on is None:
            detail = "jamais reçu en bilan"
        else:
            detail = f"dernier bilan le {promeneur.last_review_on:%d/%m/%Y}"
            if promeneur.next_review_on:
                detail += f", prévu le {promeneur.next_review_on:%d/%m/%Y}"
        return CockpitItem(
            label=promeneur.full_name,
            url=reverse("wagtailsnippets_directory_promeneur:edit", args=[promeneur.pk]),
            detail=detail,
            actions=[CockpitAction("Nouveau bilan", new_review_url(promeneur))],
        )


class NewcomersBlock(CockpitBlock):
    name = "accueil"
    # The checklist and everything its observed steps read (models/onboarding.py).
    watched = (
        # « Compte créé » reads the user's password: choosing it at the invitation saves only the user.
        settings.AUTH_USER_MODEL,
        "directory.Promeneur",
        "directory.SocialProfile",
        "coordination.OnboardingStep",
        "coordination.OnboardingCompletion",
        "coordination.IndividualReview",
        "activity.ActivityGrid",
        "events.Event",
        "events.Registration",
    )
    title = "Accueil des nouveaux"
    order = 55
    empty_text = "Tous les promeneurs ont terminé leur accueil."
    permission = "coordination.add_onboardingcompletion"
    more_url = reverse_lazy("coordination_newcomers")

    def get_queryset(self, request):
        # The checklist is read once per page, not once per promeneur.
        self.onboarding = Onboarding()
        return self.onboarding.newcomers()

    def item(self, promeneur):
        missing = self.onboarding.missing_steps(promeneur)
        return CockpitItem(
            label=promeneur.full_name,
            url=checklist_url(promeneur),
            detail="manque : " + ", ".join(step.label for step in missing),
        )
