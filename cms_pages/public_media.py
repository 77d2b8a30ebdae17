"""Which images and documents the public may find through the API: only those a school's live,
public pages show.

Wagtail's reference index records what each page's database row refers to, children such as
staff records included. A page's row holds its published content (drafts live only in
revisions, see visibility.py), so references from live rows are references from published
content: a photo chosen only in a draft, or a file uploaded and never used, is not listed. Photos
of people without recorded consent and files of private collections (signed consents) are left
out even when a live page refers to them.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, ReferenceIndex, Site

from .models import Leader, SchoolProfile, StaffMember
from .visibility import public_pages, with_publication_consent


def referenced_from_live_pages(site: Site, model) -> set[int]:
    pages = public_pages(Page.objects.descendant_of(site.root_page, inclusive=True))
    page_ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=page_ids,
        to_content_type=ContentType.objects.get_for_model(model),
    ).values_list("to_object_id", flat=True)
    return {int(pk) for pk in references if str(pk).isdigit()}


def photos_without_consent() -> set[int]:
    photo_ids = set()
    for model in (StaffMember, Leader):
        people = model.objects.exclude(photo=None)
        consented = with_publication_consent(people).values("pk")
        photo_ids.update(people.exclude(pk__in=consented).values_list("photo_id", flat=True))
    return photo_ids


def public_image_ids(site: Site | None) -> set[int]:
    if site is None:
        return set()
    ids = referenced_from_live_pages(site, get_image_model())
    logo = SchoolProfile.objects.filter(site=site).values_list("logo_id", flat=True).first()
    if logo:
        ids.add(logo)
    return ids - photos_without_consent()


def private_collection_ids() -> set[int]:
    restricted = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection")
    )
    ids = set()
    for collection in restricted:
        ids.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return ids


def public_document_ids(site: Site | None) -> set[int]:
    if site is None:
        return set()
    ids = referenced_from_live_pages(site, get_document_model())
    private = get_document_model().objects.filter(
        pk__in=ids, collection_id__in=private_collection_ids()
    )
    return ids - set(private.values_list("pk", flat=True))
