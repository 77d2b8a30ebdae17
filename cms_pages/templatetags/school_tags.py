import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ..request_tree import site_tree
from ..translated_text import translated_text

register = template.Library()

LANGUAGE_NATIVE_NAMES = {"ky": "Кыргызча", "ru": "Русский"}


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current URL in every site language, for the switcher and hreflang alternates."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        links.append(
            {
                "code": code,
                "name": LANGUAGE_NATIVE_NAMES.get(code, code),
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request else url,
                "is_current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The school's home page and its published, public top-level pages marked “show in menus”,
    in the order of the page tree, from the request's site tree (cms_pages/request_tree.py).

    The home item is labelled “Home”, not with the home page's title, so the school's name keeps
    coming from its profile alone.
    """
    request = context.get("request")
    tree = site_tree(request)
    if tree is None or tree.home is None:
        return []
    current = context.get("page")
    home = tree.home
    items = [{"title": "", "is_home": True, "url": home.get_url(request), "page": home}]
    items += [
        {
            "title": translated_text(page, "title"),
            "is_home": False,
            "url": page.get_url(request),
            "page": page,
        }
        for page in tree.children(home)
        if page.show_in_menus
    ]
    for item in items:
        page = item.pop("page")
        item["is_current"] = current is not None and current.pk == page.pk
        item["is_ancestor"] = (
            current is not None and not item["is_home"] and current.path.startswith(page.path)
        )
    return items


# json.dumps leaves <, > and & as they are; inside <script> they could end the element early.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def school_json_ld(context, profile):
    """The school as schema.org `School` JSON-LD, built from its profile alone."""
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "School",
        "name": profile.full_name,
        "alternateName": profile.short_name or None,
        "address": {"@type": "PostalAddress", "streetAddress": profile.address}
        if profile.address
        else None,
        "telephone": [phone.number for phone in profile.phones.all()] or None,
        "email": profile.email or None,
        "foundingDate": profile.founding_date.isoformat() if profile.founding_date else None,
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": float(profile.latitude),
            "longitude": float(profile.longitude),
        }
        if profile.latitude is not None and profile.longitude is not None
        else None,
        "url": request.build_absolute_uri(request.path) if request else None,
    }
    data = {key: value for key, value in data.items() if value is not None}
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag(takes_context=True)
def absolute_url(context, url: str) -> str:
    """`url` with this request's scheme and host, unless it has its own: an image in a shared
    bucket (schoolsite/object_storage.py) is already linked at the bucket's address."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url
