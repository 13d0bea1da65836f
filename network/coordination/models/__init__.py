from .applications import Application
from .charter import CharterAcceptance, CharterVersion
from .charter_page import CharterPage
from .committees import CommitteePage, Decision, Meeting, MeetingDocument
from .contacts import NetworkContact
from .conventions import Convention
from .mailbox import ContactMessage
from .onboarding import OnboardingCompletion, OnboardingStep
from .reviews import IndividualReview

__all__ = [
    "Application",
    "CharterAcceptance",
    "CharterPage",
    "CharterVersion",
    "CommitteePage",
    "ContactMessage",
    "Convention",
    "Decision",
    "IndividualReview",
    "Meeting",
    "MeetingDocument",
    "NetworkContact",
    "OnboardingCompletion",
    "OnboardingStep",
]
