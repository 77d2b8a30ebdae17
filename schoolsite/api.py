"""The public headless API at /api/v2/: Wagtail's pages, images and documents endpoints, the
disclosure document and the announcements in force of the requesting school, and the OpenAPI
description of them all. Read-only; outside the language prefixes, since each response carries
both languages."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms_pages.api import (
    PublicDocumentsAPIViewSet,
    PublicImagesAPIViewSet,
    announcements_view,
    disclosure_document_view,
)

from .api_parameters import CheckedParametersMixin
from .openapi import openapi_view


class PagesEndpoint(CheckedParametersMixin, PagesAPIViewSet):
    pass


class ImagesEndpoint(CheckedParametersMixin, PublicImagesAPIViewSet):
    pass


class DocumentsEndpoint(CheckedParametersMixin, PublicDocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)

urlpatterns = [
    path("disclosure/", disclosure_document_view, name="disclosure_document"),
    path("announcements/", announcements_view, name="announcements"),
    path("schema/", openapi_view, name="openapi"),
    path("", api_router.urls),
]
