"""Documents (R1 item 3): charter, licences, accreditation and local regulations.

Each record carries the facts the regulation asks to show (kind, number, date, issuer, validity)
and links one file in the document library, whose format and size the listing shows.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, Page

from ..serialization import DisclosureFields
from .disclosure import DisclosureSection, document_field


class DisclosureDocument(Orderable):
    CHARTER = "charter"
    LICENCE = "licence"
    LICENCE_ANNEX = "licence_annex"
    ACCREDITATION = "accreditation"
    ACCREDITATION_ANNEX = "accreditation_annex"
    LOCAL_REGULATION = "local_regulation"
    REPORT = "report"
    OTHER = "other"
    KIND_CHOICES = [
        (CHARTER, _("charter")),
        (LICENCE, _("licence")),
        (LICENCE_ANNEX, _("licence annex")),
        (ACCREDITATION, _("state accreditation certificate")),
        (ACCREDITATION_ANNEX, _("accreditation certificate annex")),
        (LOCAL_REGULATION, _("local regulation")),
        (REPORT, _("report")),
        (OTHER, _("other document")),
    ]
    # The kinds whose validity runs out; the completeness check reports them once expired.
    EXPIRING_KINDS = (LICENCE, ACCREDITATION)
    # The microdata property of each kind's file link; kinds without one use `docLink`.
    ITEMPROPS = {
        CHARTER: "ustavDocLink",
        LICENCE: "licenseDocLink",
        LICENCE_ANNEX: "licenseDocLink",
        ACCREDITATION: "accreditationDocLink",
        ACCREDITATION_ANNEX: "accreditationDocLink",
        LOCAL_REGULATION: "localActDocLink",
        REPORT: "reportDocLink",
    }

    page = ParentalKey(
        "cms_pages.DocumentsPage", on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=KIND_CHOICES)
    title = models.CharField(_("title"), max_length=255)
    number = models.CharField(_("number"), max_length=64, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    issuer = models.CharField(_("issued by"), max_length=255, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    document = document_field(_("file"))

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("number"), FieldPanel("date"), FieldPanel("valid_until")]),
        FieldPanel("issuer"),
        FieldPanel("document"),
    ]
    disclosure_fields = DisclosureFields(
        texts=("title", "issuer"),
        facts=("kind", "number", "date", "valid_until"),
        documents=("document",),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title

    @property
    def itemprop(self) -> str:
        return self.ITEMPROPS.get(self.kind, "docLink")

    def is_expired(self, today: datetime.date) -> bool:
        return self.kind in self.EXPIRING_KINDS and bool(
            self.valid_until and self.valid_until < today
        )


class DocumentsPage(DisclosureSection):
    fixed_slug = "document"
    section_title = _("Documents")

    content_panels = [*Page.content_panels, InlinePanel("documents", label=_("Documents"))]
    disclosure_fields = DisclosureFields(
        texts=("title",), records={"documents": "public_documents"}
    )
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("documents page")
        verbose_name_plural = _("documents pages")

    def public_documents(self) -> list[DisclosureDocument]:
        return list(self.documents.select_related("document"))
