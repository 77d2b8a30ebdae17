"""Finances (R1 item 9): receipts and spending, including the board of trustees' reports on
donations, which must be public and easy to find (003, trustees §10–14)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, Page

from ..serialization import DisclosureFields
from .disclosure import DisclosureSection, document_field


class FinancialReport(Orderable):
    SCHOOL = "school"
    TRUSTEES = "trustees"
    KIND_CHOICES = [
        (SCHOOL, _("school finances")),
        (TRUSTEES, _("board of trustees: donations")),
    ]

    page = ParentalKey(
        "cms_pages.FinancePage", on_delete=models.CASCADE, related_name="financial_reports"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES, default=SCHOOL)
    title = models.CharField(_("title"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"))
    receipts = models.DecimalField(_("receipts, KGS"), max_digits=14, decimal_places=2)
    expenditures = models.DecimalField(_("expenditures, KGS"), max_digits=14, decimal_places=2)
    document = document_field(_("report (document)"))

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("receipts"), FieldPanel("expenditures")]),
        FieldPanel("document"),
    ]
    disclosure_fields = DisclosureFields(
        texts=("title",),
        facts=("kind", "year", "receipts", "expenditures"),
        documents=("document",),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("financial report")
        verbose_name_plural = _("financial reports")

    def __str__(self):
        return self.title


class FinancePage(DisclosureSection):
    fixed_slug = "budget"
    section_title = _("Finances")

    content_panels = [
        *Page.content_panels,
        InlinePanel("financial_reports", label=_("Financial reports")),
    ]
    disclosure_fields = DisclosureFields(
        texts=("title",), records={"financial_reports": "public_financial_reports"}
    )
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("finances page")
        verbose_name_plural = _("finances pages")

    def public_financial_reports(self) -> list[FinancialReport]:
        return list(self.financial_reports.select_related("document"))
