"""How visitors and machines find their way: site search, the human-readable site map,
sitemap.xml with language alternates, and robots.txt."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .. import page_cache
from ..models import NewsPage
from ..request_tree import site_tree
from ..routing import full_urls
from ..search_terms import visible_query
from ..site_search import describe, find_pages
from ..site_tree import page_tree, public_pages
from ..statistics.counting import count_search_without_results

SEARCH_RESULTS_PER_PAGE = 10


def current_site(request) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site


@require_GET
def search(request):
    site = current_site(request)
    query = visible_query(request.GET.get("q", ""))
    found = find_pages(site, query, translation.get_language())
    results = entries = None
    if found is not None:
        results = Paginator(found, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        tree = site_tree(request)
        entries = describe(list(results), site, query, tree.by_path if tree else None)
        if not results.paginator.count:
            count_search_without_results(request, site, query)
    return render(
        request,
        "cms_pages/search.html",
        {
            "query": query,
            "results": results,
            "entries": entries,
            "breadcrumbs": [{"title": _("Search")}],
        },
    )


@require_GET
def site_map(request):
    # Articles are many and dated; the news page lists them, so the map stays readable.
    tree = page_tree(current_site(request), exclude_types=(NewsPage,))
    page_cache.allow(request)
    return render(
        request,
        "cms_pages/site_map.html",
        {"tree": tree, "breadcrumbs": [{"title": _("Site map")}]},
    )


@require_GET
def sitemap_xml(request):
    site = current_site(request)
    page_cache.allow(request)
    entries = []
    for page in public_pages(site).specific(defer=True):
        entries.append({"urls": full_urls(page, request), "lastmod": page.last_published_at})
    languages = [code for code, _name in settings.LANGUAGES]
    return render(
        request,
        "sitemap.xml",
        {"entries": entries, "languages": languages},
        content_type="application/xml; charset=utf-8",
    )


@require_GET
def robots_txt(request):
    page_cache.allow(request)
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append(f"Disallow: {reverse('search')}")
            lines.append(f"Disallow: {reverse('accessibility')}")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap_xml'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
