"""The public headless API at /api/v2/: Wagtail's pages, images and documents endpoints, and the
disclosure document of the requesting school. Read-only; outside the language prefixes, since
each response carries both languages."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from cms_pages.api import PublicImagesAPIViewSet, disclosure_document_view

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)

urlpatterns = [
    path("disclosure/", disclosure_document_view, name="disclosure_document"),
    path("", api_router.urls),
]
