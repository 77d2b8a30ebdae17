"""Education, educational standards and admissions (R1 items 4 and 8)."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from ..serialization import DisclosureFields
from .disclosure import DisclosureSection, document_field


class EducationProgramme(Orderable):
    LEVEL_CHOICES = [
        ("preschool", _("pre-school education")),
        ("primary", _("primary general education")),
        ("basic", _("basic general education")),
        ("secondary", _("secondary general education")),
    ]
    FORM_CHOICES = [
        ("full_time", _("full-time")),
        ("part_time", _("part-time (evening)")),
        ("family", _("family education")),
        ("home", _("home schooling")),
    ]

    page = ParentalKey(
        "cms_pages.EducationPage", on_delete=models.CASCADE, related_name="programmes"
    )
    name = models.CharField(_("name"), max_length=255)
    level = models.CharField(_("level"), max_length=16, choices=LEVEL_CHOICES)
    form = models.CharField(_("form of study"), max_length=16, choices=FORM_CHOICES)
    normative_term_years = models.PositiveSmallIntegerField(_("normative term, years"))
    languages = models.CharField(_("languages of instruction"), max_length=255)
    accreditation_valid_until = models.DateField(
        _("state accreditation valid until"), null=True, blank=True
    )
    students = models.PositiveIntegerField(_("number of students"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    subjects = models.TextField(
        _("subjects"), blank=True, help_text=_("The subjects taught, one per line.")
    )
    programme_document = document_field(_("programme (copy)"))
    curriculum = document_field(_("curriculum"))
    calendar_schedule = document_field(_("calendar academic schedule"))
    methodological_documents = document_field(_("methodological documents"))

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("form")]),
        FieldRowPanel(
            [
                FieldPanel("normative_term_years"),
                FieldPanel("students"),
                FieldPanel("accreditation_valid_until"),
            ]
        ),
        FieldPanel("languages"),
        FieldPanel("description"),
        FieldPanel("subjects"),
        MultiFieldPanel(
            [
                FieldPanel("programme_document"),
                FieldPanel("curriculum"),
                FieldPanel("calendar_schedule"),
                FieldPanel("methodological_documents"),
            ],
            heading=_("Attached documents"),
        ),
    ]
    disclosure_fields = DisclosureFields(
        texts=("name", "languages", "description", "subjects"),
        facts=("level", "form", "normative_term_years", "accreditation_valid_until", "students"),
        documents=(
            "programme_document",
            "curriculum",
            "calendar_schedule",
            "methodological_documents",
        ),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("education programme")
        verbose_name_plural = _("education programmes")

    def __str__(self):
        return self.name

    @property
    def subject_list(self) -> list[str]:
        return [line.strip() for line in self.subjects.splitlines() if line.strip()]

    def is_expired(self, today: datetime.date) -> bool:
        return bool(self.accreditation_valid_until and self.accreditation_valid_until < today)


class EducationPage(DisclosureSection):
    fixed_slug = "education"
    section_title = _("Education")

    overview = models.TextField(
        _("overview"),
        blank=True,
        help_text=_("Shifts, class sizes, pre-school groups: what the programmes do not say."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("overview"),
        InlinePanel("programmes", label=_("Education programmes")),
    ]
    disclosure_fields = DisclosureFields(
        texts=("title", "overview"), records={"programmes": "public_programmes"}
    )
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("education page")
        verbose_name_plural = _("education pages")

    def public_programmes(self) -> list[EducationProgramme]:
        return list(
            self.programmes.select_related(
                "programme_document", "curriculum", "calendar_schedule", "methodological_documents"
            )
        )


class EducationalStandard(Orderable):
    page = ParentalKey(
        "cms_pages.EducationalStandardsPage", on_delete=models.CASCADE, related_name="standards"
    )
    title = models.CharField(_("title"), max_length=255)
    document = document_field(_("file"))
    link = models.URLField(_("link"), blank=True, help_text=_("e.g. the ministry's publication."))

    panels = [FieldPanel("title"), FieldPanel("document"), FieldPanel("link")]
    disclosure_fields = DisclosureFields(texts=("title",), facts=("link",), documents=("document",))

    class Meta(Orderable.Meta):
        verbose_name = _("educational standard")
        verbose_name_plural = _("educational standards")

    def __str__(self):
        return self.title


class EducationalStandardsPage(DisclosureSection):
    fixed_slug = "eduStandarts"
    section_title = _("Educational standards")

    content_panels = [*Page.content_panels, InlinePanel("standards", label=_("Standards"))]
    disclosure_fields = DisclosureFields(
        texts=("title",), records={"standards": "public_standards"}
    )
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("educational standards page")
        verbose_name_plural = _("educational standards pages")

    def public_standards(self) -> list[EducationalStandard]:
        return list(self.standards.select_related("document"))


class AvailablePlaces(Orderable):
    page = ParentalKey(
        "cms_pages.AdmissionsPage", on_delete=models.CASCADE, related_name="available_places"
    )
    grade = models.PositiveSmallIntegerField(_("grade"))
    places = models.PositiveSmallIntegerField(_("available places"))

    panels = [FieldRowPanel([FieldPanel("grade"), FieldPanel("places")])]
    disclosure_fields = DisclosureFields(facts=("grade", "places"))

    class Meta(Orderable.Meta):
        verbose_name = _("available places")
        verbose_name_plural = _("available places")

    def __str__(self):
        return f"{self.grade}: {self.places}"


class AdmissionsPage(DisclosureSection):
    fixed_slug = "vacant"
    section_title = _("Admissions and available places")

    admission_rules = models.TextField(_("admission rules"), blank=True)
    rules_document = document_field(_("admission rules (document)"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("admission_rules"),
        FieldPanel("rules_document"),
        InlinePanel("available_places", label=_("Available places per grade")),
    ]
    disclosure_fields = DisclosureFields(
        texts=("title", "admission_rules"),
        documents=("rules_document",),
        records={"available_places": "public_available_places"},
    )
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("admissions page")
        verbose_name_plural = _("admissions pages")

    def public_available_places(self) -> list[AvailablePlaces]:
        return list(self.available_places.all())
