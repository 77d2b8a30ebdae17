"""Entries and generations of the public page cache, in Django's `default` cache."""

import hashlib
import time
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

PREFIX = "mektep:page-cache"
EVERY_SCHOOL = "all"


def generation_key(school) -> str:
    return f"{PREFIX}:generation:{school}"


def allow(request, purgeable: bool = True) -> None:
    """The response to ``request`` may be stored for anonymous visitors: it shows only public
    content of the request's school, the same for every anonymous visitor. ``purgeable``: its
    address is among those a change purges from front-end caches (frontend.school_urls)."""
    request._page_cache_allowed = True
    request._page_cache_purgeable = purgeable and not request.GET


def until(request, moment) -> None:
    """What ``request`` shows changes by itself at ``moment`` (an aware datetime): the stored
    response must not outlive it."""
    if moment is None:
        return
    current = getattr(request, "_page_cache_until", None)
    if current is None or moment < current:
        request._page_cache_until = moment


def is_allowed(request) -> bool:
    return getattr(request, "_page_cache_allowed", False)


def is_purgeable(request) -> bool:
    return getattr(request, "_page_cache_purgeable", False)


def deadline(request):
    return getattr(request, "_page_cache_until", None)


def read_generations(*names) -> list[str]:
    """These generations' current values, read together and created where missing (a cache that
    lost them, or a new school)."""
    keys = [generation_key(name) for name in names]
    found = cache.get_many(keys)
    values = []
    for key in keys:
        value = found.get(key)
        if value is None:
            value = uuid.uuid4().hex
            if not cache.add(key, value, timeout=None):
                value = cache.get(key) or value
        values.append(value)
    return values


def read_generation(name) -> str:
    return read_generations(name)[0]


def current_generations(site_id) -> tuple[str, str]:
    """The installation's and the school's current generations."""
    every_school, school = read_generations(EVERY_SCHOOL, site_id)
    return every_school, school


# Long: a generation, not time, ends the life of what is remembered under it.
REMEMBERED_LIFETIME = 24 * 3600


def remembered(key: str, build):
    """What is stored under ``key`` (a key that names the generations it depends on), else
    ``build()``'s answer, stored for the next request. ``build`` must not answer None."""
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, REMEMBERED_LIFETIME)
    return value


def still_current(entry) -> bool:
    keys = [generation_key(EVERY_SCHOOL), generation_key(entry.site_id)]
    found = cache.get_many(keys)
    return [found.get(key) for key in keys] == [entry.all_generation, entry.site_generation]


def _replace(schools) -> None:
    cache.set_many({generation_key(school): uuid.uuid4().hex for school in schools}, timeout=None)


def invalidate(site_ids=None, names=()) -> None:
    """Nothing stored for these schools (every school when ``site_ids`` is None) is served again;
    ``names``: other generations to replace as well (sites.SITES).

    Done at once, so the rest of this request and this process see the change, and again when
    the transaction commits: a visitor's request that read the old data and stored it between
    the two would otherwise keep it."""
    schools = [EVERY_SCHOOL] if site_ids is None else sorted(set(site_ids))
    schools += list(names)
    if not schools:
        return
    _replace(schools)
    transaction.on_commit(lambda: _replace(schools))


@dataclass(frozen=True)
class Entry:
    site_id: int
    all_generation: str
    site_generation: str
    status: int
    headers: tuple
    content: bytes
    etag: str
    expires_at: float
    purgeable: bool

    def seconds_left(self) -> int:
        return max(0, int(self.expires_at - time.time()))


def entry_key(request, language: str, display: str) -> str:
    """One entry per address (scheme, host, path and query), language and display mode."""
    parts = "\n".join(
        [request.scheme, request.get_host(), language, display, request.get_full_path()]
    )
    return f"{PREFIX}:entry:{hashlib.sha256(parts.encode()).hexdigest()}"


def etag_for(content: bytes) -> str:
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'
