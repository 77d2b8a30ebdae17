"""What the public may see of a school's disclosures: the one place that decides it.

Templates, the pages API, the disclosure document and the completeness report all read through
these functions (ARCHITECTURE principle 3). A page's database row holds its published revision;
drafts live only in revisions, so reading live rows never shows an unapproved change.
"""


def public_pages(queryset):
    """Published pages with no view restriction on them or on any ancestor."""
    return queryset.live().public()


def with_publication_consent(people):
    """The people whose written consent to publication is recorded (003 §6.2).

    Works on a database queryset and on a page preview's in-memory records alike.
    """
    return people.filter(consent_date__isnull=False)
