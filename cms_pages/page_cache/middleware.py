"""Answers anonymous GETs from the public page cache, and stores what views allowed."""

import datetime
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from wagtail.models import Site

from cms_pages.context_processors import display_preferences

from . import frontend
from .sites import remember_school
from .store import (
    Entry,
    current_generations,
    deadline,
    entry_key,
    etag_for,
    is_allowed,
    is_purgeable,
    still_current,
)

# Never from the cache: the admin, private documents, files and the language switch.
BYPASSED_PATHS = ("/admin/", "/documents/", "/static/", "/media/", "/i18n/")
# The read-only JSON API shows the same to every anonymous client.
API_PATH = "/api/"
# A cookie that says the visitor is (or may be) signed in, or has messages waiting for them.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
# Headers an entry does not keep: each answer sets its own.
OWN_HEADERS = {"set-cookie", "etag", "cache-control", "x-page-cache"}
REFUSING = ("private", "no-store", "no-cache")


def signed_in(request) -> bool:
    return "HTTP_AUTHORIZATION" in request.META or any(
        name in request.COOKIES for name in PERSONAL_COOKIES
    )


def lifetime(request) -> int:
    """Seconds an entry may live: the setting, or less when what it shows changes by itself."""
    seconds = settings.MEKTEP_PAGE_CACHE_SECONDS
    moment = deadline(request)
    if moment is not None:
        seconds = min(seconds, int((moment - timezone.now()) / datetime.timedelta(seconds=1)))
    return seconds


def storable(request, response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and (is_allowed(request) or request.path.startswith(API_PATH))
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in control for word in REFUSING)
    )


def cache_control(seconds: int, purgeable: bool) -> str:
    """Browsers ask again every time (and get 304 while nothing changed); a front-end cache that
    Wagtail purges on every change may keep the page as long as this cache does."""
    if purgeable and frontend.configured():
        return f"public, max-age=0, s-maxage={seconds}"
    return "public, max-age=0, must-revalidate"


def not_modified(request, etag: str) -> bool:
    return etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))


def labelled(response, entry: Entry, outcome: str):
    """The headers every response of a stored page carries, whether it was just built or not."""
    response["ETag"] = entry.etag
    response["Cache-Control"] = cache_control(entry.seconds_left(), entry.purgeable)
    response["X-Page-Cache"] = outcome
    patch_vary_headers(response, ["Cookie"])
    return response


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(BYPASSED_PATHS):
            return self.get_response(request)
        if (
            settings.MEKTEP_PAGE_CACHE_SECONDS <= 0
            or request.method not in ("GET", "HEAD")
            or signed_in(request)
        ):
            remember_school(request)
            return self.get_response(request)
        try:
            key = entry_key(
                request, translation.get_language(), display_preferences(request)["css_class"]
            )
        except DisallowedHost:
            return self.get_response(request)  # Django answers it with 400
        entry = cache.get(key)
        if isinstance(entry, Entry) and still_current(entry):
            return self.answer(request, entry, "hit")
        remember_school(request)
        site = Site.find_for_request(request)
        if site is None:
            return self.get_response(request)
        # Read before the page is built: a change made while it is built makes it stale at once.
        all_generation, site_generation = current_generations(site.pk)
        response = self.get_response(request)
        if not storable(request, response):
            return response
        seconds = lifetime(request)
        if seconds <= 0:
            return response
        headers = tuple(
            (name, value) for name, value in response.items() if name.lower() not in OWN_HEADERS
        )
        entry = Entry(
            site_id=site.pk,
            all_generation=all_generation,
            site_generation=site_generation,
            status=response.status_code,
            headers=headers,
            content=response.content,
            etag=etag_for(response.content),
            expires_at=time.time() + seconds,
            purgeable=is_purgeable(request),
        )
        cache.set(key, entry, seconds)
        if not_modified(request, entry.etag):
            return self.answer(request, entry, "miss")
        return labelled(response, entry, "miss")

    def answer(self, request, entry: Entry, outcome: str):
        # What was answered, for the usage statistics: a 304 says nothing of it.
        request.page_cache_entry_headers = entry.headers
        if not_modified(request, entry.etag):
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(entry.content, status=entry.status)
            for name, value in entry.headers:
                response[name] = value
        return labelled(response, entry, outcome)
