"""Template helpers for the admin's own templates."""

from django import template
from django.db import models

register = template.Library()


@register.filter
def record_title(instance) -> str:
    """What a saved record of an inline list is called (a person's name, a document's title),
    for its heading in the editor instead of "Staff members 7"; empty for a new record or a
    model that names nothing."""
    if instance is None or getattr(instance, "pk", None) is None:
        return ""
    if type(instance).__str__ is models.Model.__str__:
        return ""
    return str(instance).strip()


@register.filter
def school_name(site) -> str:
    """The school's name in the admin's language (its profile's short name, else its full name),
    where Wagtail would show the site's one name, which is Russian. The profile comes from the
    shared cache, as on the public pages: the dashboard reads no more rows for it."""
    if site is None:
        return ""
    from cms_pages.page_cache.profiles import school_profile

    profile = school_profile(site)
    return (profile.short_name or profile.full_name or site.site_name or site.hostname).strip()
