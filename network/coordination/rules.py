"""Who may do what with the coordination's follow-up records. The admin screens and the cockpit ask
here; each rule is a model permission, held by the Coordination group only (promeneurs and committee
members never see a review or a checklist)."""


def can_read_reviews(user):
    return user.is_authenticated and user.has_perm("coordination.view_individualreview")


def can_write_reviews(user):
    return user.is_authenticated and user.has_perm("coordination.add_individualreview")


def can_follow_onboarding(user):
    """See the newcomers' checklists and tick their manual steps."""
    return user.is_authenticated and user.has_perm("coordination.add_onboardingcompletion")
