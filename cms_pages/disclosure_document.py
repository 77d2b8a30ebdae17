"""A school's complete mandatory disclosure as one JSON document (`/api/v2/disclosure/`).

The shape is fixed by `schemas/disclosure.schema.json`. Texts appear in both languages side by
side, facts once; only published, public pages and consented people are included, read through
the same page methods the public pages use. The completeness status comes from `completeness`.
"""

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from .completeness import Sections, school_report
from .models import SECTION_PAGE_TYPES, SchoolProfile
from .profile_fields import PROFILE_FIELDS
from .routing import full_urls
from .serialization import object_data

SCHEMA_ID = "https://mektep.kg/schemas/disclosure.schema.json"


def disclosure_document(site: Site, request) -> dict:
    sections = Sections(site)
    report = school_report(site, sections=sections)
    items = {item.slug: item for item in report.items}
    return {
        "$schema": SCHEMA_ID,
        "generated_at": timezone.now().isoformat(),
        "school": school_data(site, sections.profile, request),
        "complete": report.is_complete,
        "sections": [
            section_data(sections.by_slug.get(kind.fixed_slug), items[kind.fixed_slug], request)
            for kind in SECTION_PAGE_TYPES
        ],
    }


def school_data(site: Site, profile: SchoolProfile, request) -> dict:
    data = {"hostname": site.hostname, **object_data(profile, PROFILE_FIELDS, request)}
    data["phones"] = [
        {"number": phone.number, **label_data(phone)} for phone in profile.phones.all()
    ]
    data["branches"] = [
        object_data(branch, branch.disclosure_fields, request) for branch in profile.branches.all()
    ]
    return data


def label_data(phone) -> dict:
    return {
        f"label_{code}": getattr(phone, f"label_{code}") or "" for code, _ in settings.LANGUAGES
    }


def section_data(page, item, request) -> dict:
    data = {
        "slug": item.slug,
        "status": item.status,
        "languages_missing": item.languages_missing,
        "problems": item.problems,
        "reviewed_at": item.reviewed_at.isoformat() if item.reviewed_at else None,
        "urls": {},
        "content": None,
    }
    if page is not None:
        data["urls"] = full_urls(page, request)
        data["content"] = object_data(page, page.disclosure_fields, request)
    return data
