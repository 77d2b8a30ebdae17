"""The public, read-only headless API's own parts: the disclosure document, the announcements in
force, and images and documents endpoints that list only what the requesting school's live pages
show."""

from django.http import Http404, JsonResponse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Site

from . import page_cache
from .disclosure_document import disclosure_document
from .models import SiteAlert
from .public_media import public_document_ids, public_image_ids
from .serialization import DisclosureFields, object_data

ANNOUNCEMENT_FIELDS = DisclosureFields(
    texts=("message",), facts=("id", "severity", "starts_at", "ends_at")
)


def requesting_school(request) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No school is served at this address.")
    return site


@require_safe
@vary_on_headers("Accept-Language")
def disclosure_document_view(request):
    """Every mandatory disclosure of the requesting school (found by host name) as one JSON."""
    site = requesting_school(request)
    page_cache.allow(request)
    return JsonResponse(
        disclosure_document(site, request), json_dumps_params={"ensure_ascii": False}
    )


@require_safe
def announcements_view(request):
    """The requesting school's announcements in force, the most serious first."""
    site = requesting_school(request)
    in_force, next_change = SiteAlert.objects.in_force_and_next_change(site)
    page_cache.allow(request)
    page_cache.until(request, next_change)
    items = [object_data(alert, ANNOUNCEMENT_FIELDS, request) for alert in in_force]
    return JsonResponse(
        {"meta": {"total_count": len(items)}, "items": items},
        json_dumps_params={"ensure_ascii": False},
    )


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """The requesting school's images that its live pages show (public_media.py)."""

    def get_queryset(self):
        site = Site.find_for_request(self.request)
        return super().get_queryset().filter(pk__in=public_image_ids(site))


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """The requesting school's documents that its live pages link, never a private one."""

    def get_queryset(self):
        site = Site.find_for_request(self.request)
        return super().get_queryset().filter(pk__in=public_document_ids(site))
