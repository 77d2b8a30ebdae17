"""Front-end caches (nginx, Varnish, a CDN) configured in WAGTAILFRONTENDCACHE keep a public
page only as long as Wagtail tells them nothing changed: when a school's generation is replaced,
every address of that school that a front-end cache may hold is purged, once the change is
committed."""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site

# Addresses outside the page tree that a front-end cache may hold (see middleware.cache_control:
# only responses to addresses without a query string get a shared-cache lifetime).
SCHOOL_PATHS = ("/sitemap.xml", "/robots.txt", "/api/v2/disclosure/", "/api/v2/announcements/")
LANGUAGE_PATHS = ("site-map/",)


def configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge(site_ids) -> None:
    if configured():
        transaction.on_commit(lambda: purge_now(site_ids))


def purge_now(site_ids) -> None:
    sites = Site.objects.select_related("root_page")
    if site_ids is not None:
        sites = sites.filter(pk__in=site_ids)
    batch = PurgeBatch()
    for site in sites:
        batch.add_urls(school_urls(site))
    batch.purge()


def school_urls(site) -> list[str]:
    root = site.root_url
    urls = [root + path for path in SCHOOL_PATHS]
    pages = site.root_page.get_descendants(inclusive=True).live().public().specific()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            urls += [f"{root}/{language}/{path}" for path in LANGUAGE_PATHS]
            for page in pages:
                url = page.get_full_url()
                if url:
                    urls += [url + path.lstrip("/") for path in page.get_cached_paths()]
    return urls
