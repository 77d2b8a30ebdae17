"""Structure and management bodies (R1 item 2): councils, committees and their regulations."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, Page

from ..serialization import DisclosureFields
from .disclosure import DisclosureSection, document_field
from .school import phone_validator


class ManagementBody(Orderable):
    page = ParentalKey(
        "cms_pages.StructurePage", on_delete=models.CASCADE, related_name="management_bodies"
    )
    name = models.CharField(_("name"), max_length=255)
    head = models.CharField(_("head"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    regulation = document_field(_("regulation"))
    members = models.TextField(_("members"), blank=True, help_text=_("One member per line."))

    panels = [
        FieldPanel("name"),
        FieldPanel("head"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("regulation"),
        FieldPanel("members"),
    ]
    disclosure_fields = DisclosureFields(
        texts=("name", "head", "members"), facts=("phone", "email"), documents=("regulation",)
    )

    class Meta(Orderable.Meta):
        verbose_name = _("management body")
        verbose_name_plural = _("management bodies")

    def __str__(self):
        return self.name

    @property
    def member_lines(self) -> list[str]:
        return [line.strip() for line in self.members.splitlines() if line.strip()]


class StructurePage(DisclosureSection):
    fixed_slug = "struct"
    section_title = _("Structure and management bodies")

    content_panels = [
        *Page.content_panels,
        InlinePanel("management_bodies", label=_("Management bodies")),
    ]
    disclosure_fields = DisclosureFields(
        texts=("title",), records={"management_bodies": "public_management_bodies"}
    )
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("structure page")
        verbose_name_plural = _("structure pages")

    def public_management_bodies(self) -> list[ManagementBody]:
        return list(self.management_bodies.select_related("regulation"))
