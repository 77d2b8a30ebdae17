"""The mandatory disclosure section (REQUIREMENTS R1) at /<lang>/sveden/.

The index page holds one subsection page per item of the regulation, each of its own type with
a fixed slug, so every school publishes the same item at the same address in both languages.
"""

from typing import ClassVar

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from ..request_tree import site_tree
from ..routing import TreeRoutedPage
from ..searchable import SearchablePage
from ..serialization import DisclosureFields
from ..translated_text import translated_text
from ..visibility import public_pages

# Subsection slugs in the order the regulation lists them; the order of the section navigation.
SECTION_SLUGS = (
    "common",
    "struct",
    "document",
    "education",
    "eduStandarts",
    "managers",
    "employees",
    "objects",
    "vacant",
    "budget",
    "catering",
    "safety",
)
INDEX_SLUG = "sveden"


def document_field(verbose_name, **kwargs):
    """A link to a document in the library; deleting the document empties the link."""
    return models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **kwargs,
    )


class FixedSlugMixin:
    """The page keeps the slug its type prescribes, whatever an editor types."""

    fixed_slug: ClassVar[str]

    def clean(self):
        self.slug = self.fixed_slug
        super().clean()


class DisclosureIndexPage(FixedSlugMixin, SearchablePage, TreeRoutedPage, Page):
    """The section index: what the school discloses and where (004 §1.10)."""

    fixed_slug = INDEX_SLUG
    section_title = _("Information about the school")
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["cms_pages.HomePage"]
    subpage_types: ClassVar[list[str]] = [
        "cms_pages.BasicInformationPage",
        "cms_pages.StructurePage",
        "cms_pages.DocumentsPage",
        "cms_pages.EducationPage",
        "cms_pages.EducationalStandardsPage",
        "cms_pages.LeadershipPage",
        "cms_pages.TeachingStaffPage",
        "cms_pages.FacilitiesPage",
        "cms_pages.AdmissionsPage",
        "cms_pages.FinancePage",
        "cms_pages.NutritionPage",
        "cms_pages.SafetyPage",
        # Anything else the school discloses beyond the regulation's list.
        "cms_pages.GeneralPage",
    ]
    max_count_per_parent = 1
    disclosure_fields = DisclosureFields(texts=("title", "introduction"))
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("disclosure section")
        verbose_name_plural = _("disclosure sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["section_links"] = section_links(self, request, current=None)
        return context


class DisclosureSection(FixedSlugMixin, SearchablePage, TreeRoutedPage, Page):
    """One item of the regulation; concrete types set `fixed_slug` and `section_title`."""

    section_title: ClassVar[Promise]
    parent_page_types = ["cms_pages.DisclosureIndexPage"]
    subpage_types: ClassVar[list[str]] = []
    max_count_per_parent = 1
    disclosure_fields = DisclosureFields(texts=("title",))

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["section_links"] = section_links(self, request, current=self)
        return context


def section_links(page: Page, request, current: Page | None) -> list[dict]:
    """The published subsections in the regulation's order, for the section navigation.

    The subsections are the index's children (or the current page's siblings), taken from the
    request's site tree (no query of their own); a page the tree does not hold (a preview of a
    page not yet saved under the index) reads them in one query, as plain pages.
    """
    tree = site_tree(request)
    parent = None
    if tree is not None:
        parent_path = page.path if current is None else (page.path or "")[: -Page.steplen]
        parent = tree.by_path.get(parent_path)
    if parent is not None and (current is not None or parent.pk == page.pk):
        pages = tree.children(parent)
    else:
        siblings = Page.objects.child_of(page) if current is None else Page.objects.sibling_of(page)
        pages = public_pages(siblings)
    by_slug = {item.slug: item for item in pages}
    return [
        {
            "title": translated_text(by_slug[slug], "title"),
            "url": by_slug[slug].get_url(request),
            "is_current": current is not None and by_slug[slug].pk == current.pk,
            "slug": slug,
            "page": by_slug[slug],
        }
        for slug in SECTION_SLUGS
        if slug in by_slug
    ]


class BasicInformationPage(DisclosureSection):
    """Item 1: rendered from the school profile alone, so nothing is typed twice."""

    fixed_slug = "common"
    section_title = _("Basic information")
    api_fields = DisclosureSection.disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("basic information page")
        verbose_name_plural = _("basic information pages")
