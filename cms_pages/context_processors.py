"""What every public page shows besides its own content: the visitor's display preferences, the
school's profile (its published version) and the school's announcements in force."""

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from . import page_cache
from .models import SiteAlert

ACCESSIBILITY_COOKIE = "mektep_a11y"
IMAGES_COOKIE = "mektep_images"


def display_preferences(request) -> dict:
    """The visually-impaired mode and the image switch, as remembered in cookies."""
    is_on = request.COOKIES.get(ACCESSIBILITY_COOKIE) == "on"
    # Images are hidden only inside the mode, where the switch to show them again is offered.
    hides_images = is_on and request.COOKIES.get(IMAGES_COOKIE) == "off"
    classes = [name for name, wanted in (("a11y", is_on), ("no-images", hides_images)) if wanted]
    return {"is_on": is_on, "hides_images": hides_images, "css_class": " ".join(classes)}


def public_site(request) -> dict:
    # Lazy, so pages that do not show the banner (the admin) never run the query; public pages
    # run exactly one, however many announcements exist.
    def alerts():
        site = Site.find_for_request(request)
        if site is None:
            return []
        in_force, next_change = SiteAlert.objects.in_force_and_next_change(site)
        page_cache.until(request, next_change)
        return in_force

    def profile():
        site = Site.find_for_request(request)
        return page_cache.school_profile(site) if site else None

    return {
        "display": display_preferences(request),
        "school_profile": SimpleLazyObject(profile),
        "site_alerts": SimpleLazyObject(alerts),
    }
