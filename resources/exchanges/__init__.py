"""Practice exchanges: discussions, replies, moderation, FAQ and the weekly digest."""
