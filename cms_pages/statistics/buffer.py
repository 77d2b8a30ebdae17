"""Counters kept in Django's `statistics` cache (settings: Redis, or files of their own apart
from the page cache's) until `flush` writes them to the database.

A counter is named by its day, its row (a tuple such as ("page", site id, path, language)) and
its measure ("views", "visitors", ...). The cache cannot list its keys, so the first time a
counter is made it is also written down in the day's register, numbered by `incr` (atomic on
Redis);
the flush reads each register of the days it keeps. Counters are taken down by what was written
(`decr`), so views counted while a flush runs are kept for the next one.

Distinct visitors are told apart by a hash of the address and browser with a random salt of
the day, kept only in the cache: once the day's keys expire, nobody (not even with the
project's secret key) can tell which address a hash stood for, and the database never sees one.
"""

import contextlib
import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.cache import caches

PREFIX = "mektep:stats"
# Days a counter waits in the cache for a flush: schedule the flush far more often.
KEPT_DAYS = settings.MEKTEP_STATISTICS_CACHE_DAYS
LIFETIME = KEPT_DAYS * 24 * 3600


def counters():
    return caches["statistics"]


def _digest(row: tuple) -> str:
    return hashlib.sha256(repr(row).encode()).hexdigest()[:24]


def counter_key(day: datetime.date, row: tuple, measure: str) -> str:
    return f"{PREFIX}:{day.isoformat()}:count:{_digest(row)}:{measure}"


def register_key(day: datetime.date) -> str:
    return f"{PREFIX}:{day.isoformat()}:register"


def add(day: datetime.date, row: tuple, measure: str, amount: int = 1) -> None:
    key = counter_key(day, row, measure)
    try:
        counters().incr(key, amount)
        return
    except ValueError:  # not made yet (or expired)
        pass
    if counters().add(key, amount, LIFETIME):
        _register(day, row, measure)
    else:
        counters().incr(key, amount)


def _register(day: datetime.date, row: tuple, measure: str) -> None:
    register = register_key(day)
    counters().add(register, 0, LIFETIME)
    number = counters().incr(register)
    counters().set(f"{register}:{number}", (row, measure), LIFETIME)


def day_salt(day: datetime.date) -> str:
    key = f"{PREFIX}:{day.isoformat()}:salt"
    counters().add(key, secrets.token_hex(16), 2 * 24 * 3600)
    return counters().get(key)


def visitor_hash(day: datetime.date, address: str, user_agent: str) -> str:
    text = f"{day_salt(day)}\n{address}\n{user_agent}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def first_sighting(day: datetime.date, row: tuple, visitor: str) -> bool:
    """True the first time this day that `visitor` (a `visitor_hash`) is seen for `row`."""
    key = f"{PREFIX}:{day.isoformat()}:seen:{_digest(row)}:{visitor}"
    return counters().add(key, 1, 2 * 24 * 3600)


def pending(days) -> list[tuple[datetime.date, tuple, str, int]]:
    """Every counter of these days with what it holds now: (day, row, measure, count)."""
    found = []
    for day in days:
        register = register_key(day)
        size = counters().get(register) or 0
        names = [f"{register}:{number}" for number in range(1, size + 1)]
        entries = [entry for entry in counters().get_many(names).values() if entry]
        keys = {counter_key(day, row, measure): (row, measure) for row, measure in entries}
        for key, count in counters().get_many(list(keys)).items():
            if count:
                row, measure = keys[key]
                found.append((day, row, measure, count))
    return found


def take(day: datetime.date, row: tuple, measure: str, count: int) -> None:
    """Takes `count` off a counter once it is written to the database."""
    with contextlib.suppress(ValueError):  # expired meanwhile: nothing left to take
        counters().decr(counter_key(day, row, measure), count)


def lock() -> bool:
    """One flush at a time: two at once would write the same counts twice."""
    return counters().add(f"{PREFIX}:flush-lock", 1, 600)


def unlock() -> None:
    counters().delete(f"{PREFIX}:flush-lock")
