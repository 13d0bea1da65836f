from .onboarding import OnboardingCompletion, OnboardingStep
from .reviews import IndividualReview

__all__ = ["IndividualReview", "OnboardingCompletion", "OnboardingStep"]
