"""Where a form sends the user back ("next", posted or in the query string)."""

from django.utils.http import url_has_allowed_host_and_scheme


def next_path(request, default):
    """``next`` when it is a path of this site, else ``default``. Another site's address would be an
    open redirect, and a bare word ("=1+1") is taken by redirect() for a URL name (a 500)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default
