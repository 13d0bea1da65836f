from .committees import CommitteePage, Decision, Meeting, MeetingDocument
from .contacts import NetworkContact
from .conventions import Convention
from .onboarding import OnboardingCompletion, OnboardingStep
from .reviews import IndividualReview

__all__ = [
    "CommitteePage",
    "Convention",
    "Decision",
    "IndividualReview",
    "Meeting",
    "MeetingDocument",
    "NetworkContact",
    "OnboardingCompletion",
    "OnboardingStep",
]
