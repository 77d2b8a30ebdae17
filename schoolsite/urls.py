from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms_pages import routing
from cms_pages.views import discovery, pages, preferences

urlpatterns = [
    # Ahead of Wagtail's admin: its screens that must show only the user's own schools.
    path("admin/", include("accounts.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v2/", include("schoolsite.api")),
    path("sitemap.xml", discovery.sitemap_xml, name="sitemap_xml"),
    path("robots.txt", discovery.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from pathlib import Path

    from django.conf.urls.static import static

    # Images only: documents, consent scans among them, are served through Wagtail's
    # /documents/ view, which applies their privacy; their files must never be served directly.
    for folder in ("images", "original_images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=Path(settings.MEDIA_ROOT) / folder
        )

# Every public page lives under its language prefix: /ky/... and /ru/...; "/" redirects to the
# visitor's language (Kyrgyz when the browser does not say).
urlpatterns += i18n_patterns(
    path("accessibility/", preferences.accessibility, name="accessibility"),
    path("search/", discovery.search, name="search"),
    path("site-map/", discovery.site_map, name="site_map"),
    path("report/", include("moderation.reports.urls")),
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)*)(?P<filename>feed\.atom|calendar\.ics)$",
        pages.page_file,
        name="page_file",
    ),
    # Wagtail's page view, the page found through the request's site tree (cms_pages/routing.py);
    # the same pattern and name as Wagtail's own below, which keeps its other addresses.
    re_path(r"^((?:[\w\-]+/)*)$", routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "cms_pages.views.errors.page_not_found"
