"""Which school a request is for, remembered in the shared cache.

Wagtail finds a request's Site with one query per request (a CASE over every site matching the
host name). The answer changes only when a school is added, changed or removed, or when a
school's home page changes (the Site comes with it): those replace the "sites" generation
(invalidation.py), and the answer is then looked up again. Until then each host and port is
answered from the cache, for the public site only (the admin asks Wagtail as ever).
"""

import hashlib

from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port
from wagtail.models import Site

from .store import PREFIX, read_generation, remembered

SITES = "sites"
NO_SITE = "none"


def remember_school(request) -> None:
    """Sets what `Site.find_for_request(request)` returns, from the cache when it can."""
    if hasattr(request, "_wagtail_site"):
        return
    try:
        request.get_host()
    except DisallowedHost:
        return  # answered with 400; nothing to remember for a host nobody serves
    hostname = split_domain_port(request._get_raw_host())[0]
    # Hashed: a host name may be longer than some cache servers allow a key to be.
    host = hashlib.sha256(f"{hostname}:{request.get_port()}".encode()).hexdigest()
    found = remembered(f"{PREFIX}:site:{read_generation(SITES)}:{host}", lambda: lookup(request))
    request._wagtail_site = None if found == NO_SITE else found


def lookup(request):
    site = Site._find_for_request(request)
    if site is None:
        return NO_SITE
    # The home page comes along (Wagtail selects it with the site); its other cached relations
    # do not.
    site.root_page._state.fields_cache = {}
    return site
