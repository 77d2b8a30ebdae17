"""Safety (R1 item 10, seed 000): regulations, evacuation plan, help contacts and support."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, Page

from ..serialization import DisclosureFields
from .disclosure import DisclosureSection, document_field


class EmergencyContact(Orderable):
    page = ParentalKey(
        "cms_pages.SafetyPage", on_delete=models.CASCADE, related_name="emergency_contacts"
    )
    name = models.CharField(_("name"), max_length=255)
    # Short service numbers such as 112 are valid here, so no general phone validator.
    number = models.CharField(_("number"), max_length=32)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("number")])]
    disclosure_fields = DisclosureFields(texts=("name",), facts=("number",))

    class Meta(Orderable.Meta):
        verbose_name = _("emergency contact")
        verbose_name_plural = _("emergency contacts")

    def __str__(self):
        return f"{self.name}: {self.number}"

    @property
    def tel_uri(self) -> str:
        return "tel:" + "".join(ch for ch in self.number if ch.isdigit() or ch == "+")


class SafetyPage(DisclosureSection):
    fixed_slug = "safety"
    section_title = _("Safety")

    regulation_document = document_field(_("safety regulation"))
    evacuation_plan = document_field(_("evacuation plan"))
    support = models.TextField(
        _("anti-bullying and psychological support"),
        blank=True,
        help_text=_("Who helps a pupil who is bullied or needs support, and how to reach them."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("regulation_document"), FieldPanel("evacuation_plan")]),
        FieldPanel("support"),
        InlinePanel("emergency_contacts", label=_("Emergency and helpline contacts")),
    ]
    disclosure_fields = DisclosureFields(
        texts=("title", "support"),
        documents=("regulation_document", "evacuation_plan"),
        records={"emergency_contacts": "public_emergency_contacts"},
    )
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("safety page")
        verbose_name_plural = _("safety pages")

    def public_emergency_contacts(self) -> list[EmergencyContact]:
        return list(self.emergency_contacts.all())

    @property
    def support_paragraphs(self) -> list[str]:
        return [part.strip() for part in self.support.split("\n\n") if part.strip()]
