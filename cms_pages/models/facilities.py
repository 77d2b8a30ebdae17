"""Facilities and nutrition (R1 items 7 and 11)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, Page

from ..serialization import DisclosureFields
from .disclosure import DisclosureSection, document_field


class Facility(Orderable):
    KIND_CHOICES = [
        ("classroom", _("equipped classrooms")),
        ("practice", _("practice facilities")),
        ("library", _("library")),
        ("sports", _("sports facilities")),
        ("medical", _("medical room")),
        ("nutrition", _("nutrition facilities")),
        ("it", _("IT networks and e-resources")),
        ("other", _("other facilities")),
    ]
    # The microdata property of each kind, from the regional disclosure standard.
    ITEMPROPS = {
        "classroom": "purposeCab",
        "practice": "purposePrac",
        "library": "purposeLibr",
        "sports": "purposeSport",
        "medical": "purposeHealth",
        "nutrition": "meals",
        "it": "comNet",
        "other": "purposeFacil",
    }

    page = ParentalKey(
        "cms_pages.FacilitiesPage", on_delete=models.CASCADE, related_name="facilities"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=KIND_CHOICES)
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    area_m2 = models.DecimalField(
        _("area, m²"), max_digits=8, decimal_places=1, null=True, blank=True
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("name")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("quantity"), FieldPanel("area_m2")]),
    ]
    disclosure_fields = DisclosureFields(
        texts=("name", "description"), facts=("kind", "quantity", "area_m2")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")

    def __str__(self):
        return self.name

    @property
    def itemprop(self) -> str:
        return self.ITEMPROPS[self.kind]


class FacilitiesPage(DisclosureSection):
    fixed_slug = "objects"
    section_title = _("Facilities: material and technical support")

    content_panels = [*Page.content_panels, InlinePanel("facilities", label=_("Facilities"))]
    disclosure_fields = DisclosureFields(
        texts=("title",), records={"facilities": "public_facilities"}
    )
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("facilities page")
        verbose_name_plural = _("facilities pages")

    def public_facilities(self) -> list[Facility]:
        return list(self.facilities.all())


class Menu(Orderable):
    page = ParentalKey("cms_pages.NutritionPage", on_delete=models.CASCADE, related_name="menus")
    period = models.CharField(_("period"), max_length=255, help_text=_("e.g. “September 2025”."))
    document = document_field(_("menu (document)"))

    panels = [FieldRowPanel([FieldPanel("period"), FieldPanel("document")])]
    disclosure_fields = DisclosureFields(texts=("period",), documents=("document",))

    class Meta(Orderable.Meta):
        verbose_name = _("menu")
        verbose_name_plural = _("menus")

    def __str__(self):
        return self.period


class NutritionPage(DisclosureSection):
    fixed_slug = "catering"
    section_title = _("Nutrition")

    arrangements = models.TextField(_("nutrition arrangements"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("arrangements"),
        InlinePanel("menus", label=_("Menus")),
    ]
    disclosure_fields = DisclosureFields(
        texts=("title", "arrangements"), records={"menus": "public_menus"}
    )
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("nutrition page")
        verbose_name_plural = _("nutrition pages")

    def public_menus(self) -> list[Menu]:
        return list(self.menus.select_related("document"))

    @property
    def arrangements_paragraphs(self) -> list[str]:
        return [part.strip() for part in self.arrangements.split("\n\n") if part.strip()]
