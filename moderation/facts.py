"""What a school has on record about itself, for the consistency check."""

from wagtail.models import Site

from cms_pages.models import Leader, LeadershipPage, SchoolProfile

from .checker import SchoolFacts
from .checker.consistency import DEPUTY, HEAD, LeaderRecord

LANGUAGES = ("ky", "ru")


def site_of(obj) -> Site | None:
    """The school (Wagtail site) a page or a school-owned record belongs to, or ``None``."""
    try:
        if hasattr(obj, "get_site"):
            return obj.get_site()
        return getattr(obj, "site", None)
    except Site.DoesNotExist:  # a home page published before its site is created
        return None


def school_facts(site: Site | None) -> SchoolFacts:
    if site is None:
        return SchoolFacts()
    profile = SchoolProfile.for_site(site)
    leaders = leadership_records(site)
    return SchoolFacts(
        phones=[phone.number for phone in profile.phones.all()]
        + ([profile.responsible_phone] if profile.responsible_phone else []),
        emails=[profile.email] if profile.email else [],
        websites=[site.hostname],
        founding_year=profile.founding_date.year if profile.founding_date else None,
        director_names=[],  # the head comes from `leaders`, with the name in each language
        leaders=leaders,
        site_id=site.pk,
    )


def leadership_records(site: Site) -> list[LeaderRecord]:
    """The head and deputies on the school's published leadership page.

    A live page's rows are its published version (drafts live in revisions), so an unapproved
    change to the leadership never becomes the record the news is checked against. Consent
    governs what the public sees, not what the school knows: every recorded leader counts.
    """
    page_ids = (
        LeadershipPage.objects.live().descendant_of(site.root_page).values_list("pk", flat=True)
    )
    records = []
    for leader in Leader.objects.filter(page_id__in=list(page_ids)).order_by(
        "page_id", "sort_order"
    ):
        records.append(
            LeaderRecord(
                name={lang: full_name(leader, lang) for lang in LANGUAGES},
                position={
                    lang: getattr(leader, f"position_{lang}", "") or "" for lang in LANGUAGES
                },
                role=HEAD if leader.role == Leader.HEAD else DEPUTY,
            )
        )
    return records


def full_name(leader: Leader, lang: str) -> str:
    parts = (
        getattr(leader, f"{field}_{lang}", "") or getattr(leader, field, "")
        for field in (
            "surname",
            "name",
            "patronymic",
        )
    )
    return " ".join(part for part in parts if part)
