"""Private documents (signed consents and any other collection with a view restriction) are
personal data: each is served only to its own school's site administrators and director, and
only after two-step verification. Everyone else, signed in or not, gets the same 404 as for a
document that does not exist, so ids cannot be probed."""

from django.http import Http404
from wagtail.models import Collection, CollectionViewRestriction, Site

from cms_pages.models import SchoolProfile

from .roles import DIRECTOR, SITE_ADMIN
from .scope import memberships

READERS = frozenset({SITE_ADMIN, DIRECTOR})


def is_private(collection: Collection) -> bool:
    return CollectionViewRestriction.objects.filter(
        collection__in=collection.get_ancestors(inclusive=True)
    ).exists()


def owning_site(collection: Collection) -> Site | None:
    """The school whose collection holds ``collection``."""
    profile = (
        SchoolProfile.objects.filter(collection__in=collection.get_ancestors(inclusive=True))
        .select_related("site")
        .first()
    )
    return profile.site if profile else None


def may_read(user, site: Site | None) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if not (hasattr(user, "is_verified") and user.is_verified()):
        return False
    if user.is_superuser:
        return True
    return site is not None and any(
        record.role_key in READERS for record in memberships(user).filter(site=site)
    )


def guard(document, request) -> None:
    """Raise 404 unless ``request.user`` may read ``document``."""
    if is_private(document.collection) and not may_read(
        request.user, owning_site(document.collection)
    ):
        raise Http404
