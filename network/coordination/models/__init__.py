from network.coordination.models.committees import CommitteePage, Decision, Meeting, MeetingDocument

__all__ = ["CommitteePage", "Decision", "Meeting", "MeetingDocument"]
