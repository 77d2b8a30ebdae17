"""What a school has on record about itself, for the consistency check."""

from wagtail.models import Site

from cms_pages.models import SchoolProfile

from .checker import SchoolFacts


def school_facts(site: Site | None) -> SchoolFacts:
    if site is None:
        return SchoolFacts()
    profile = SchoolProfile.for_site(site)
    return SchoolFacts(
        phones=[phone.number for phone in profile.phones.all()],
        emails=[profile.email] if profile.email else [],
        websites=[site.hostname],
        founding_year=profile.founding_date.year if profile.founding_date else None,
        director_names=[],
    )
