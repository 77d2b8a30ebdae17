"""What the public may see of a school's disclosures: the one place that decides it.

Templates, the pages API, the disclosure document and the completeness report all read through
these functions (ARCHITECTURE principle 3). A page's database row holds its published revision;
drafts live only in revisions, so reading live rows never shows an unapproved change.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr
from wagtail.models import Page, PageViewRestriction


def public_pages(queryset):
    """Published pages with no view restriction on them or on any ancestor."""
    return queryset.live().public()


def without_view_restrictions(queryset, depth: int):
    """Like `.public()` for pages at most `depth` deep, but as a subquery: Wagtail's `.public()`
    first reads every view restriction, a second query on every page that shows the menu."""
    ancestor_paths = Q()
    for level in range(1, depth + 1):
        ancestor_paths |= Q(page__path=Substr(OuterRef("path"), 1, level * Page.steplen))
    return queryset.filter(~Exists(PageViewRestriction.objects.filter(ancestor_paths)))


def with_publication_consent(people):
    """The people whose written consent to publication is recorded (003 §6.2).

    Works on a database queryset and on a page preview's in-memory records alike.
    """
    return people.filter(consent_date__isnull=False)
