"""The public page cache: anonymous visitors' GETs of public pages, feeds, the calendar, the site
maps and the API are answered from Django's shared cache (files under var/ for one machine,
Redis when several servers share the work), and never go stale.

Never stale, because nothing is cleared by time alone: every entry records the "generation" of
its school (and of the whole installation) that it was built from, and every change a public
page can show (a publish, unpublish, move or delete, the school's profile, an announcement, a
document or an image) replaces that generation (`invalidation`). An entry whose generation is no
longer current is never served. What changes with the clock alone (an announcement's window
opening or closing, an event becoming past) sets the entry's expiry to that moment (`until`).

Views take part by calling `allow(request)`; nothing else is stored. Signed-in users (a session
cookie) bypass the cache both ways, and a response that sets a cookie or says it is private is
never stored.
"""

from .profiles import school_profile
from .store import allow, until

__all__ = ["allow", "school_profile", "until"]
