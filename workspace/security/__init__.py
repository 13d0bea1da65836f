"""Site-wide protections that are not a feature of their own: the client's address
behind a proxy, request throttling, security headers, where a form may send the user back
("next"), and the admin's hidden fields read as a tampered form sends them."""
