"""Is every mandatory disclosure published, in both languages, valid and recently reviewed?

The rules for each item of the regulation (REQUIREMENTS R1, R2) live here and nowhere else; the
`check_disclosure` command, the admin dashboard panel and the disclosure API all read this report.
Only what the public sees counts: published pages and consented people (see `visibility`).
"""

import datetime
import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from . import page_cache
from .models import (
    INDEX_SLUG,
    SECTION_PAGE_TYPES,
    DisclosureDocument,
    DisclosureIndexPage,
    Facility,
    FinancialReport,
    Leader,
    SchoolProfile,
)
from .visibility import public_pages

PRESENT = "present"
MISSING = "missing"
MISSING_LANGUAGE = "missing_language"
EXPIRED = "expired"
NOT_REVIEWED = "not_reviewed"
# Statuses that make an item incomplete (and `check_disclosure` exit non-zero); an item not
# reviewed in time is still published and complete, the report only reminds the school.
INCOMPLETE_STATUSES = (MISSING, MISSING_LANGUAGE, EXPIRED)
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


@dataclass
class ItemReport:
    slug: str
    title: str
    status: str = PRESENT
    languages_missing: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    reviewed_at: datetime.datetime | None = None

    @property
    def is_complete(self) -> bool:
        return self.status not in INCOMPLETE_STATUSES

    def as_dict(self) -> dict:
        return {
            "slug": self.slug,
            "title": self.title,
            "status": self.status,
            "languages_missing": self.languages_missing,
            "problems": self.problems,
            "reviewed_at": self.reviewed_at.isoformat() if self.reviewed_at else None,
        }


@dataclass
class SchoolReport:
    site: Site
    items: list[ItemReport]

    @property
    def is_complete(self) -> bool:
        return all(item.is_complete for item in self.items)

    @property
    def items_needing_work(self) -> list[ItemReport]:
        return [item for item in self.items if not item.is_complete]

    def as_dict(self) -> dict:
        return {
            "hostname": self.site.hostname,
            "port": self.site.port,
            "complete": self.is_complete,
            "items": [item.as_dict() for item in self.items],
        }


class Findings:
    """What one item lacks, collected while its rule runs."""

    def __init__(self):
        self.missing: list[str] = []
        self.languages: set[str] = set()
        self.language_problems: list[str] = []
        self.expired: list[str] = []

    def require(self, value, what: str) -> None:
        if value is None or value == "" or value == []:
            self.missing.append(_("“%(what)s” is missing") % {"what": what})

    def require_records(self, records, model) -> None:
        if not records:
            self.missing.append(
                _("no %(records)s published") % {"records": model._meta.verbose_name_plural}
            )

    def texts(self, obj, names, required=(), owner: str = "") -> None:
        """Each text in both languages; a required one in at least one (else it is missing)."""
        for name in names:
            values = {lang: (getattr(obj, f"{name}_{lang}") or "").strip() for lang in LANGUAGES}
            label = field_label(obj, name, owner)
            absent = [lang for lang, value in values.items() if not value]
            if len(absent) == len(LANGUAGES):
                if name in required:
                    self.missing.append(_("“%(what)s” is missing") % {"what": label})
                continue
            for lang in absent:
                self.languages.add(lang)
                self.language_problems.append(
                    _("“%(what)s” has no text in %(language)s")
                    % {"what": label, "language": language_name(lang)}
                )

    def records(self, records, required_texts=(), required_facts=()) -> None:
        for record in records:
            self.texts(record, record.disclosure_fields.texts, required_texts, str(record))
            for name in required_facts:
                self.require(getattr(record, name), field_label(record, name, str(record)))

    def expire(self, record, valid_until: datetime.date) -> None:
        self.expired.append(
            _("“%(what)s” expired on %(date)s")
            % {"what": record, "date": date_format(valid_until, "SHORT_DATE_FORMAT")}
        )


def field_label(obj, name: str, owner: str = "") -> str:
    label = str(obj._meta.get_field(name).verbose_name)
    return f"{owner}: {label}" if owner else label


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES)[code])


class Sections:
    """A school's published disclosure pages, read once for a whole report or document."""

    def __init__(self, site: Site):
        self.site = site
        # With its phones and branches, which the report checks and the document lists.
        self.profile = page_cache.school_profile(site)

    @cached_property
    def by_slug(self) -> dict[str, Page]:
        """The published, public subsections of the published, public disclosure index, each as
        its own page type with the documents and images it links to: one query (a join per
        page type) however many types there are."""
        root = self.site.root_page
        index = public_pages(DisclosureIndexPage.objects.child_of(root)).filter(slug=INDEX_SLUG)
        children = Page.objects.filter(
            depth=root.depth + 2, path__startswith=Subquery(index.values("path")[:1])
        )
        names = [model._meta.model_name for model in SECTION_PAGE_TYPES]
        linked = [
            f"{model._meta.model_name}__{field}"
            for model in SECTION_PAGE_TYPES
            for field in (*model.disclosure_fields.documents, *model.disclosure_fields.images)
        ]
        found = {}
        for row in public_pages(children).select_related(*names, *linked):
            page = next((getattr(row, name) for name in names if hasattr(row, name)), None)
            if page is not None:
                found[page.slug] = page
        for page in found.values():
            # The report checks a page's records and the disclosure document then shows them:
            # one query each, not one per reader (a queryset keeps what it has read).
            for method in page.disclosure_fields.records.values():
                setattr(page, method, functools.cache(getattr(page, method)))
        return found


def check_common(page, profile: SchoolProfile, found: Findings, today) -> None:
    required = ("full_name", "address", "working_hours")
    found.texts(profile, (*required, "short_name"), required=required)
    found.require(profile.founding_date, field_label(profile, "founding_date"))
    found.require(profile.email, field_label(profile, "email"))
    found.require(list(profile.phones.all()), _("Phones"))
    found.records(profile.branches.all(), required_texts=("name", "address"))
    # The employee who answers for the site, and how to reach them (004 §1.8).
    responsible = ("responsible_name", "responsible_position")
    found.texts(profile, responsible, required=responsible)
    found.require(profile.responsible_phone, field_label(profile, "responsible_phone"))


def check_structure(page, profile, found: Findings, today) -> None:
    bodies = page.public_management_bodies()
    found.require_records(bodies, page.management_bodies.model)
    found.records(bodies, required_texts=("name",), required_facts=("regulation",))


def check_documents(page, profile, found: Findings, today) -> None:
    documents = page.public_documents()
    kinds = {document.kind for document in documents}
    labels = dict(DisclosureDocument.KIND_CHOICES)
    for kind in (
        DisclosureDocument.CHARTER,
        DisclosureDocument.LICENCE,
        DisclosureDocument.ACCREDITATION,
    ):
        if kind not in kinds:
            found.require(None, labels[kind])
    found.records(documents, required_texts=("title",), required_facts=("document",))
    for document in documents:
        if document.is_expired(today):
            found.expire(document, document.valid_until)


def check_education(page, profile, found: Findings, today) -> None:
    programmes = page.public_programmes()
    found.require_records(programmes, page.programmes.model)
    found.texts(page, ("overview",))
    found.records(
        programmes,
        required_texts=("name", "languages", "subjects"),
        required_facts=("programme_document", "curriculum", "calendar_schedule", "students"),
    )
    for programme in programmes:
        if programme.is_expired(today):
            found.expire(programme, programme.accreditation_valid_until)


def check_standards(page, profile, found: Findings, today) -> None:
    standards = page.public_standards()
    found.require_records(standards, page.standards.model)
    found.records(standards, required_texts=("title",))
    for standard in standards:
        if standard.document is None and not standard.link:
            found.require(None, f"{standard}: {field_label(standard, 'document')}")


def check_leadership(page, profile, found: Findings, today) -> None:
    leaders = page.public_leaders()
    heads = [leader for leader in leaders if leader.role == Leader.HEAD]
    if not heads:
        found.require(None, dict(Leader.ROLE_CHOICES)[Leader.HEAD])
    found.records(leaders, required_texts=("surname", "name", "position"))
    # The head is reached directly: a phone and an e-mail of their own (004 §1.9).
    found.records(heads, required_facts=("phone", "email"))


def check_staff(page, profile, found: Findings, today) -> None:
    staff = page.public_staff()
    found.require_records(staff, page.staff_members.model)
    found.records(
        staff,
        required_texts=("full_name", "position", "subjects", "specialty"),
        required_facts=("education", "total_experience_years", "specialty_experience_years"),
    )


def check_facilities(page, profile, found: Findings, today) -> None:
    facilities = page.public_facilities()
    kinds = {facility.kind for facility in facilities}
    for kind, label in Facility.KIND_CHOICES:
        if kind != "other" and kind not in kinds:
            found.require(None, label)
    found.records(facilities, required_texts=("name",))


def check_admissions(page, profile, found: Findings, today) -> None:
    found.texts(page, ("admission_rules",), required=("admission_rules",))
    found.require(page.rules_document, field_label(page, "rules_document"))
    places = page.public_available_places()
    found.require_records(places, page.available_places.model)


def check_finance(page, profile, found: Findings, today) -> None:
    reports = page.public_financial_reports()
    kinds = {report.kind for report in reports}
    for kind, label in FinancialReport.KIND_CHOICES:
        if kind not in kinds:
            found.require(None, label)
    found.records(reports, required_texts=("title",), required_facts=("document",))


def check_nutrition(page, profile, found: Findings, today) -> None:
    found.texts(page, ("arrangements",), required=("arrangements",))
    menus = page.public_menus()
    found.require_records(menus, page.menus.model)
    found.records(menus, required_texts=("period",), required_facts=("document",))


def check_safety(page, profile, found: Findings, today) -> None:
    found.texts(page, ("support",), required=("support",))
    found.require(page.regulation_document, field_label(page, "regulation_document"))
    found.require(page.evacuation_plan, field_label(page, "evacuation_plan"))
    contacts = page.public_emergency_contacts()
    found.require_records(contacts, page.emergency_contacts.model)
    found.records(contacts, required_texts=("name",))


RULES = {
    "common": check_common,
    "struct": check_structure,
    "document": check_documents,
    "education": check_education,
    "eduStandarts": check_standards,
    "managers": check_leadership,
    "employees": check_staff,
    "objects": check_facilities,
    "vacant": check_admissions,
    "budget": check_finance,
    "catering": check_nutrition,
    "safety": check_safety,
}


def check_item(page_type, sections: Sections, today: datetime.date) -> ItemReport:
    slug = page_type.fixed_slug
    page = sections.by_slug.get(slug)
    item = ItemReport(slug=slug, title=str(page_type.section_title))
    if page is None:
        item.status = MISSING
        item.problems = [_("The page is missing or not published.")]
        return item
    item.reviewed_at = page.last_published_at
    found = Findings()
    RULES[slug](page, sections.profile, found, today)
    item.languages_missing = [lang for lang in LANGUAGES if lang in found.languages]
    item.problems = found.missing + found.language_problems + found.expired
    if found.missing:
        item.status = MISSING
    elif found.languages:
        item.status = MISSING_LANGUAGE
    elif found.expired:
        item.status = EXPIRED
    elif is_stale(page, sections.profile, today):
        item.status = NOT_REVIEWED
        item.problems.append(
            _("Not reviewed for more than %(days)s days.")
            % {"days": sections.profile.disclosure_review_days}
        )
    return item


def is_stale(page, profile: SchoolProfile, today: datetime.date) -> bool:
    if page.last_published_at is None:
        return True
    reviewed = timezone.localtime(page.last_published_at).date()
    return (today - reviewed).days > profile.disclosure_review_days


def school_report(site: Site, today: datetime.date | None = None, sections=None) -> SchoolReport:
    """Every mandatory item of one school, in the regulation's order."""
    today = today or timezone.localdate()
    sections = sections or Sections(site)
    return SchoolReport(site, [check_item(kind, sections, today) for kind in SECTION_PAGE_TYPES])
