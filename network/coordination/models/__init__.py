from .contacts import NetworkContact
from .conventions import Convention
from .onboarding import OnboardingCompletion, OnboardingStep
from .reviews import IndividualReview

__all__ = ["Convention", "IndividualReview", "NetworkContact", "OnboardingCompletion", "OnboardingStep"]
