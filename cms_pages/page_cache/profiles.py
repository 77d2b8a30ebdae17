"""A school's profile (with its phones and branches), remembered in the shared cache.

Every public page shows the profile (header, footer, contacts) and the disclosure document lists
it: two or three queries on every page that is built. It changes rarely, and only by a save of
the profile itself (its phones and branches are saved with it), which replaces the profile's own
generation (invalidation.py) as well as the school's. Publishing a page leaves the profile
remembered, so the pages rebuilt after a publish do not read it again. Its logo and photo are
remembered with it, so a change of any of the school's images also replaces the generation.
"""

import functools
import hashlib

from django.db.models import prefetch_related_objects
from wagtail.images import get_image_model

from .store import EVERY_SCHOOL, PREFIX, read_generations, remembered


def profile_generation(site_id) -> str:
    return f"profile-{site_id}"


@functools.cache
def _schema() -> str:
    """A remembered profile was pickled with these fields: a deployment that changes them reads
    the profile again instead of unpickling an old shape."""
    from cms_pages.models import SchoolBranch, SchoolPhone, SchoolProfile

    names = [
        f"{model.__name__}.{field.attname}"
        for model in (SchoolProfile, SchoolPhone, SchoolBranch)
        for field in model._meta.concrete_fields
    ]
    return hashlib.sha256(" ".join(names).encode()).hexdigest()[:12]


def school_profile(site):
    """The school's profile (its published version) with its phones and branches read."""
    generations = read_generations(EVERY_SCHOOL, profile_generation(site.pk))
    key = f"{PREFIX}:profile:{_schema()}:{site.pk}:{':'.join(generations)}"
    return remembered(key, lambda: read_profile(site))


def read_profile(site):
    from cms_pages.models import SchoolProfile

    profile = SchoolProfile.for_site(site)
    prefetch_related_objects([profile], "branches")
    # Only the profile's own rows: its site and any other relation are read where needed,
    # except its logo and photo, which the pages show (one query for both). Their renditions
    # are not read with them: Wagtail keeps each rendition in the shared cache once made, and a
    # remembered list of renditions would miss those made later.
    profile._state.fields_cache = {}
    image_ids = {profile.logo_id, profile.photo_id} - {None}
    if image_ids:
        images = get_image_model().objects.filter(pk__in=image_ids)
        by_id = {image.pk: image for image in images}
        for name in ("logo", "photo"):
            image = by_id.get(getattr(profile, f"{name}_id"))
            if image is not None:
                profile._state.fields_cache[name] = image
    return profile
