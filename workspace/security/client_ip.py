"""The address of the client, as far as it can be trusted.

Behind the reverse proxy every request comes from the proxy's address, so anything
keyed on REMOTE_ADDR (login lock-out, rate limits) would treat all visitors as one.
Each trusted proxy appends the address it received the request from to
X-Forwarded-For; the entries before those are whatever the client chose to send.
With ``TRUSTED_PROXY_COUNT`` proxies in front of Django, the client is therefore the
TRUSTED_PROXY_COUNT-th entry from the right, and with none the header is ignored.
"""

import ipaddress

from django.conf import settings


def _valid_address(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request):
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
        # Fewer entries than proxies: the request did not come through all of them,
        # and no entry can be trusted.
        if len(forwarded) >= proxies:
            address = _valid_address(forwarded[-proxies])
            if address:
                return address
    return remote_addr
