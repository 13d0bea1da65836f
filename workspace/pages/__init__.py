"""Base page classes, the members' space and committees' roots, the page tree builder."""
