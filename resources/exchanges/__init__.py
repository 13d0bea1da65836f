"""Practice exchanges: discussions written by members from the front end, their
moderation, notifications, weekly digest and the FAQ built from answered questions."""
