"""Site-wide protections that are not a feature of their own: the client's address
behind a proxy, request throttling and security headers."""
