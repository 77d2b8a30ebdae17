"""Which requests count, and counting them in the shared cache (never the database).

A view counts when an anonymous person (no session or messages cookie, no Authorization header:
the page cache's own test for "signed in") reads a public HTML page with a GET and gets it: a
page the page cache may store (`page_cache.allow`) or answered from it, 200 or, to a browser
that holds it already, 304. Never the admin, the
API, documents, static or media files, feeds, the calendar, the site maps in XML, robots.txt, a
redirect, an error, or a program (`is_robot`, a word list in data/bot_user_agents.txt).

The middleware sits just outside the page cache's, so a page answered from the cache is counted
too, before any middleware that would look at the session.
"""

import functools
from pathlib import Path

from django.utils import timezone, translation
from wagtail.models import Site

from accounts.lockout import client_ip

from ..models.statistics import PATH_LENGTH, QUERY_LENGTH
from ..page_cache.middleware import API_PATH, BYPASSED_PATHS, signed_in
from ..page_cache.sites import remember_school
from ..page_cache.store import is_allowed
from . import buffer

ROBOT_WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "bot_user_agents.txt"


@functools.cache
def robot_words() -> tuple[str, ...]:
    lines = ROBOT_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )


def is_robot(user_agent: str) -> bool:
    agent = user_agent.lower()
    return not agent.strip() or any(word in agent for word in robot_words())


def user_agent(request) -> str:
    return request.META.get("HTTP_USER_AGENT", "")


def is_counted_visitor(request) -> bool:
    return not signed_in(request) and not is_robot(user_agent(request))


def content_type(request, response) -> str:
    """The type of what was answered; for a browser's revisit answered 304 from the page cache,
    the type of the stored page."""
    if response.status_code == 304:
        headers = getattr(request, "page_cache_entry_headers", ())
        return next((value for name, value in headers if name.lower() == "content-type"), "")
    return response.get("Content-Type", "")


def is_public_page_view(request, response) -> bool:
    """A GET of a public HTML page that the visitor got: built (200), answered from the page
    cache (200), or confirmed unchanged to a browser that holds it (304, from the page cache)."""
    from_page_cache = response.get("X-Page-Cache") in ("hit", "miss")
    return (
        request.method == "GET"
        and response.status_code in (200, 304)
        and not request.path.startswith((*BYPASSED_PATHS, API_PATH))
        and content_type(request, response).startswith("text/html")
        and (is_allowed(request) or from_page_cache)
    )


def visitor(request, day) -> str:
    return buffer.visitor_hash(day, client_ip(request), user_agent(request))


def count_view(request, language: str) -> None:
    remember_school(request)  # from the cache: a page answered from it never looked
    site = Site.find_for_request(request)
    if site is None:
        return
    day = timezone.localdate()
    page = ("page", site.pk, request.path[:PATH_LENGTH], language)
    school = ("school", site.pk)
    buffer.add(day, page, "views")
    seen = visitor(request, day)
    if buffer.first_sighting(day, page, seen):
        buffer.add(day, page, "visitors")
    if buffer.first_sighting(day, school, seen):
        buffer.add(day, school, "visitors")


def normalised_query(query: str) -> str:
    return " ".join(query.lower().split())[:QUERY_LENGTH]


def count_search_without_results(request, site, query: str) -> None:
    query = normalised_query(query)
    if query and is_counted_visitor(request):
        buffer.add(timezone.localdate(), ("search", site.pk, query), "searches")


class PageViewCounterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language()
        response = self.get_response(request)
        if is_public_page_view(request, response) and is_counted_visitor(request):
            count_view(request, language)
        return response
