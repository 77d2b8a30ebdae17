"""What the public may see of a school's disclosures: the one place that decides it.

Templates, the pages API, the disclosure document and the completeness report all read through
these functions (ARCHITECTURE principle 3). A page's database row holds its published revision;
drafts live only in revisions, so reading live rows never shows an unapproved change.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def public_pages(queryset):
    """Published pages with no view restriction on them or on any ancestor."""
    return without_view_restrictions(queryset.live())


def without_view_restrictions(queryset):
    """Wagtail's `.public()` as a subquery: no restriction on a page whose path begins the
    page's path (the page itself or an ancestor). `.public()` first reads every restriction of
    every school, one more query on each page that asks."""
    restricted_above = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.filter(~Exists(restricted_above))


def with_publication_consent(people):
    """The people whose written consent to publication is recorded (003 §6.2).

    Works on a database queryset and on a page preview's in-memory records alike.
    """
    return people.filter(consent_date__isnull=False)
