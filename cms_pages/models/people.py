"""Leadership and teaching staff (R1 items 5 and 6): personal data, published only with consent.

A person's record is part of their page's revision, so a change waits for approval like any
other; and a person appears publicly only once their written consent is recorded (R5, 003 §6.2).
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from ..forms import PersonalDataPageForm
from ..serialization import DisclosureFields
from ..translated_text import TranslatedText, page_language, translated_text
from ..visibility import with_publication_consent
from .disclosure import DisclosureSection, document_field
from .school import phone_validator


class PublishedWithConsent(models.Model):
    """The consent to publish a person's data, and who recorded it."""

    consent_date = models.DateField(
        _("consent to publication given on"),
        null=True,
        blank=True,
        help_text=_("The person appears on the site only once this date is entered."),
    )
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consent recorded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_document = document_field(
        _("signed consent (scan)"),
        help_text=_("Kept private: upload it into the school's consent records collection."),
    )

    consent_panels = [
        MultiFieldPanel(
            [FieldPanel("consent_date"), FieldPanel("consent_document")],
            heading=_("Consent to publication"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        document = self.consent_document
        if document is not None and not document.collection.get_view_restrictions().exists():
            raise ValidationError(
                {
                    "consent_document": _(
                        "A signed consent is personal data: move it into a private collection "
                        "(the school's consent records) first."
                    )
                }
            )


OTHER = "other"
EDUCATION_CHOICES = [
    ("higher", _("Higher")),
    ("incomplete_higher", _("Incomplete higher")),
    ("secondary_vocational", _("Secondary vocational")),
    (OTHER, _("Other (write it in the next field)")),
]
CATEGORY_CHOICES = [
    ("highest", _("Highest category")),
    ("first", _("First category")),
    ("second", _("Second category")),
    ("none", _("No category")),
    (OTHER, _("Other (write it in the next field)")),
]


class StaffMember(PublishedWithConsent, Orderable):
    page = ParentalKey(
        "cms_pages.TeachingStaffPage", on_delete=models.CASCADE, related_name="staff_members"
    )
    full_name = models.CharField(pgettext_lazy("person", "full name"), max_length=255)
    position = models.CharField(_("position"), max_length=255)
    subjects = models.CharField(_("subjects taught"), max_length=255, blank=True)
    subject_area = models.CharField(
        _("subject area"),
        max_length=120,
        blank=True,
        help_text=_(
            "The group the teacher is listed under on the staff page (for example Mathematics "
            "or Primary school); the first subject taught when empty."
        ),
    )
    education = models.CharField(
        _("education level"), max_length=24, choices=EDUCATION_CHOICES, blank=True
    )
    education_level = models.CharField(_("education level, if other"), max_length=255, blank=True)
    qualification_category = models.CharField(
        _("qualification category"), max_length=10, choices=CATEGORY_CHOICES, blank=True
    )
    qualification = models.CharField(
        _("qualification category, if other"), max_length=255, blank=True
    )
    specialty = models.CharField(
        _("specialty or direction of training"), max_length=255, blank=True
    )
    professional_development = models.TextField(
        _("professional development and retraining"),
        blank=True,
        help_text=_("One course per line with its year, e.g. “2024 — Inclusive education, 72 h”."),
    )
    total_experience_years = models.PositiveSmallIntegerField(
        _("total experience, years"), null=True, blank=True
    )
    specialty_experience_years = models.PositiveSmallIntegerField(
        _("experience in the specialty, years"), null=True, blank=True
    )
    publications = models.TextField(_("publications"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(_("phone"), max_length=32, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldPanel("full_name"),
        FieldPanel("position"),
        FieldRowPanel([FieldPanel("subjects"), FieldPanel("subject_area")]),
        FieldRowPanel([FieldPanel("education"), FieldPanel("education_level")]),
        FieldRowPanel([FieldPanel("qualification_category"), FieldPanel("qualification")]),
        FieldPanel("specialty"),
        FieldPanel("professional_development"),
        FieldRowPanel(
            [FieldPanel("total_experience_years"), FieldPanel("specialty_experience_years")]
        ),
        FieldPanel("publications"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("photo"),
        *PublishedWithConsent.consent_panels,
    ]
    disclosure_fields = DisclosureFields(
        texts=(
            "full_name",
            "position",
            "subjects",
            "subject_area",
            "education_level",
            "qualification",
            "specialty",
            "professional_development",
            "publications",
        ),
        facts=(
            "education",
            "qualification_category",
            "total_experience_years",
            "specialty_experience_years",
            "phone",
            "email",
        ),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    def __str__(self):
        return self.full_name

    def clean(self):
        super().clean()
        # A choice from the list says it all; the text is for "other" only, so it cannot go stale
        # when the choice changes.
        errors = {}
        for choice, text in (
            ("education", "education_level"),
            ("qualification_category", "qualification"),
        ):
            texts = [f"{text}_{lang}" for lang, _name in settings.LANGUAGES]
            if getattr(self, choice) == OTHER:
                if not any(getattr(self, name) for name in texts):
                    errors[texts[0]] = gettext("Write it here, or choose one from the list.")
            elif getattr(self, choice):
                for name in texts:
                    setattr(self, name, "")
        if errors:
            raise ValidationError(errors)

    def shown(self, choice: str, text: str):
        """A choice's label in the page's language, or the typed text when it is "other" (and
        for records saved before the choice existed)."""
        value = getattr(self, choice)
        if value and value != OTHER:
            return getattr(self, f"get_{choice}_display")()
        return translated_text(self, text)

    @property
    def education_shown(self):
        return self.shown("education", "education_level")

    @property
    def qualification_shown(self):
        return self.shown("qualification_category", "qualification")

    @property
    def professional_development_lines(self) -> list[str]:
        return [line.strip() for line in self.professional_development.splitlines() if line]


class TeachingStaffPage(DisclosureSection):
    fixed_slug = "employees"
    section_title = _("Teaching staff")
    base_form_class = PersonalDataPageForm

    content_panels = [*Page.content_panels, InlinePanel("staff_members", label=_("Staff"))]
    disclosure_fields = DisclosureFields(texts=("title",), records={"staff": "public_staff"})
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("teaching staff page")
        verbose_name_plural = _("teaching staff pages")

    def public_staff(self) -> list[StaffMember]:
        return list(
            with_publication_consent(
                self.staff_members.select_related("photo").prefetch_related("photo__renditions")
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        leadership = next(
            (
                link["page"]
                for link in context["section_links"]
                if link["slug"] == LeadershipPage.fixed_slug
            ),
            None,
        )
        context["leadership_page"] = leadership
        context["leaders"] = public_leaders_of(leadership.pk) if leadership else []
        context["staff_groups"] = staff_groups(self.public_staff())
        return context


def staff_groups(staff: list[StaffMember]) -> list[dict]:
    """The staff grouped by subject area (else the first subject taught), the groups in the
    order their first teacher comes in the school's list, each with an anchor for the index."""
    groups: dict[str, dict] = {}
    for member in staff:
        name = translated_text(member, "subject_area")
        if not name:
            subjects = translated_text(member, "subjects")
            first = re.split(r"[,;\n]", subjects.text, maxsplit=1)[0].strip()
            name = TranslatedText(first, subjects.lang, subjects.page_lang)
        if not name:
            name = TranslatedText(gettext("Other staff"), page_language(), page_language())
        key = name.text.casefold()
        if key not in groups:
            groups[key] = {"name": name, "anchor": f"subject-{len(groups) + 1}", "members": []}
        groups[key]["members"].append(member)
    return list(groups.values())


def public_leaders_of(leadership_page_id: int) -> list["Leader"]:
    """The published leaders of a leadership page (by id, from another page)."""
    return head_first(
        Leader.objects.filter(page_id=leadership_page_id).order_by("sort_order", "pk")
    )


def head_first(leaders) -> list["Leader"]:
    """The leaders with consent to publication, with their photos: the head first, then the
    deputies, each group in the editor's order."""
    consented = with_publication_consent(
        leaders.select_related("photo").prefetch_related("photo__renditions")
    )
    return sorted(consented, key=lambda leader: leader.role != Leader.HEAD)


class Leader(PublishedWithConsent, Orderable):
    HEAD = "head"
    DEPUTY = "deputy"
    ROLE_CHOICES = [(HEAD, _("head of school")), (DEPUTY, _("deputy head"))]

    page = ParentalKey("cms_pages.LeadershipPage", on_delete=models.CASCADE, related_name="leaders")
    surname = models.CharField(_("surname"), max_length=120)
    name = models.CharField(_("first name"), max_length=120)
    patronymic = models.CharField(_("patronymic"), max_length=120, blank=True)
    position = models.CharField(_("position"), max_length=255)
    role = models.CharField(_("role"), max_length=10, choices=ROLE_CHOICES, default=DEPUTY)
    phone = models.CharField(_("phone"), max_length=32, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("surname"), FieldPanel("name"), FieldPanel("patronymic")]),
        FieldRowPanel([FieldPanel("position"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("photo"),
        *PublishedWithConsent.consent_panels,
    ]
    disclosure_fields = DisclosureFields(
        texts=("surname", "name", "patronymic", "position"), facts=("role", "phone", "email")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.surname, self.name, self.patronymic) if part)


class LeadershipPage(DisclosureSection):
    fixed_slug = "managers"
    section_title = _("Leadership")
    base_form_class = PersonalDataPageForm

    content_panels = [*Page.content_panels, InlinePanel("leaders", label=_("Head and deputies"))]
    disclosure_fields = DisclosureFields(texts=("title",), records={"leaders": "public_leaders"})
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("leadership page")
        verbose_name_plural = _("leadership pages")

    def public_leaders(self) -> list[Leader]:
        return head_first(self.leaders)
