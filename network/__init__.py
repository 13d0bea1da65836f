"""The network's people and their work: directory, events, activity. Knows only workspace/."""
