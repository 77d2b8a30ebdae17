"""Files that belong to a page (the news feed, the events calendar): /ky/news/feed.atom.

Wagtail serves only paths that end in a slash, so a file name with an extension (which a
static web server needs to send the right type) is routed here and handed to its page.
"""

from django.http import Http404
from wagtail.models import Site

from .. import page_cache
from ..routing import tree_route


def page_file(request, page_path, filename):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    found = tree_route(request, page_path)
    if found is None:
        components = [part for part in page_path.split("/") if part]
        found = site.root_page.specific.route(request, components)
    page, _args, _kwargs = found
    serve_file = getattr(page, "serve_file", None)
    # Route() has refused drafts already; private pages keep their files private too.
    if serve_file is None or page.get_view_restrictions().exists():
        raise Http404
    page_cache.allow(request)
    return serve_file(request, filename)
