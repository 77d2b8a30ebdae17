"""The public, read-only headless API's own parts: the disclosure document and an images
endpoint that leaves out photos of people who have not consented to publication."""

from django.http import Http404, JsonResponse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Site

from .disclosure_document import disclosure_document
from .models import Leader, StaffMember
from .visibility import with_publication_consent


@require_safe
@vary_on_headers("Accept-Language")
def disclosure_document_view(request):
    """Every mandatory disclosure of the requesting school (found by host name) as one JSON."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No school is served at this address.")
    return JsonResponse(
        disclosure_document(site, request), json_dumps_params={"ensure_ascii": False}
    )


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().exclude(pk__in=photos_without_consent())


def photos_without_consent() -> set[int]:
    photo_ids = set()
    for model in (StaffMember, Leader):
        people = model.objects.exclude(photo=None)
        consented = with_publication_consent(people).values("pk")
        photo_ids.update(people.exclude(pk__in=consented).values_list("photo_id", flat=True))
    return photo_ids
