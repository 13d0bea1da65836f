"""The network's people and their work: directory, events, activity, and the coordination's
follow-up (joining, conventions, reviews, committees, charter). Knows only workspace/."""
