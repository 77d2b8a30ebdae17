"""With a front-end cache configured (nginx, Varnish: WAGTAILFRONTENDCACHE), a change purges every
address of the school from it, and only addresses it can purge get a shared-cache lifetime."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import Client

from .public_site import announce

pytestmark = pytest.mark.django_db


@pytest.fixture
def front_end_cache(settings):
    """A stand-in for nginx's purge endpoint on loopback, recording each PURGE it receives."""
    purged = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            purged.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield purged
    server.shutdown()
    server.server_close()


def test_an_announcement_purges_every_address_of_its_school(
    demo_site, front_end_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        announce(demo_site, "Карантин", "Карантин объявлен")
    paths = {path for _host, path in front_end_cache}
    hosts = {host for host, _path in front_end_cache}
    assert hosts == {demo_site.hostname if demo_site.port == 80 else demo_site.root_url[7:]}
    for path in [
        "/ky/",
        "/ru/",
        "/ru/news/",
        "/ru/news/fire-drill/",
        "/ky/news/feed.atom",
        "/ru/events/calendar.ics",
        "/ru/sveden/employees/",
        "/ky/site-map/",
        "/sitemap.xml",
        "/api/v2/disclosure/",
        "/api/v2/announcements/",
    ]:
        assert path in paths, path


def test_nothing_is_purged_before_the_change_is_committed(demo_site, front_end_cache):
    announce(demo_site, "Карантин", "Карантин объявлен")
    assert front_end_cache == []


def test_only_purged_addresses_get_a_shared_cache_lifetime(demo_site, front_end_cache):
    home = Client().get("/ru/")
    assert "s-maxage=" in home["Cache-Control"]
    query = Client().get("/api/v2/pages/?type=cms_pages.NewsPage")
    assert "s-maxage" not in query["Cache-Control"]
    listing = Client().get("/ru/news/page/2/")
    assert listing.status_code == 200 and "s-maxage" not in listing["Cache-Control"]
