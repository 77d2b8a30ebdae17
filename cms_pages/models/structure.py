"""Structure and management bodies (R1 item 2): councils, committees, their regulations and people.

A body is an institution: its name, its regulation and, if it has one, an institutional contact.
The people who sit on it are personal data like staff (003 §6.2): each is a record with its own
consent, and appears on the site, in the API and in the export only once that consent is entered.
"""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from modelcluster.queryset import FakeQuerySet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from ..forms import PersonalDataPageForm
from ..serialization import DisclosureFields
from ..visibility import with_publication_consent
from .disclosure import DisclosureSection, document_field
from .people import PublishedWithConsent
from .school import phone_validator


class ManagementBodyMember(PublishedWithConsent, Orderable):
    """A person on a management body: chair, deputy, secretary or member."""

    CHAIR = "chair"
    DEPUTY_CHAIR = "deputy_chair"
    SECRETARY = "secretary"
    MEMBER = "member"
    ROLE_CHOICES = [
        (CHAIR, _("chair")),
        (DEPUTY_CHAIR, _("deputy chair")),
        (SECRETARY, _("secretary")),
        (MEMBER, _("member")),
    ]

    body = ParentalKey("cms_pages.ManagementBody", on_delete=models.CASCADE, related_name="people")
    full_name = models.CharField(pgettext_lazy("person", "full name"), max_length=255)
    role = models.CharField(
        _("role in the body"), max_length=16, choices=ROLE_CHOICES, default=MEMBER
    )
    phone = models.CharField(_("phone"), max_length=32, blank=True, validators=[phone_validator])
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("full_name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        *PublishedWithConsent.consent_panels,
    ]
    disclosure_fields = DisclosureFields(texts=("full_name",), facts=("role", "phone", "email"))

    class Meta(Orderable.Meta):
        verbose_name = _("member of a management body")
        verbose_name_plural = _("members of management bodies")

    def __str__(self):
        return self.full_name


class ManagementBody(Orderable, ClusterableModel):
    page = ParentalKey(
        "cms_pages.StructurePage", on_delete=models.CASCADE, related_name="management_bodies"
    )
    name = models.CharField(_("name"), max_length=255)
    phone = models.CharField(
        _("phone"),
        max_length=32,
        blank=True,
        validators=[phone_validator],
        help_text=_("The body's own line (an office, a reception); a person's phone goes below."),
    )
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("The body's own address; a person's address goes with their record below."),
    )
    regulation = document_field(_("regulation"))

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("phone"), FieldPanel("email")])],
            heading=_("Contact of the body"),
        ),
        FieldPanel("regulation"),
        InlinePanel("people", heading=_("People"), label=_("person")),
    ]
    disclosure_fields = DisclosureFields(
        texts=("name",),
        facts=("phone", "email"),
        documents=("regulation",),
        records={"members": "public_members"},
    )

    class Meta(Orderable.Meta):
        verbose_name = _("management body")
        verbose_name_plural = _("management bodies")

    def __str__(self):
        return self.name

    def public_members(self) -> list[ManagementBodyMember]:
        """The body's people whose consent is recorded, the chair first, then in the editor's
        order; read from the prefetch of ``StructurePage.public_management_bodies`` if done."""
        members = getattr(self, "consented_members", None)
        if members is None:
            members = with_publication_consent(self.people.all())
        return sorted(members, key=lambda member: member.role != ManagementBodyMember.CHAIR)


class StructurePage(DisclosureSection):
    fixed_slug = "struct"
    section_title = _("Structure and management bodies")
    base_form_class = PersonalDataPageForm

    content_panels = [
        *Page.content_panels,
        InlinePanel(
            "management_bodies", heading=_("Management bodies"), label=_("management body")
        ),
    ]
    disclosure_fields = DisclosureFields(
        texts=("title",), records={"management_bodies": "public_management_bodies"}
    )
    api_fields = disclosure_fields.api_fields()

    class Meta:
        verbose_name = _("structure page")
        verbose_name_plural = _("structure pages")

    def public_management_bodies(self) -> list[ManagementBody]:
        bodies = self.management_bodies.select_related("regulation")
        if isinstance(bodies, FakeQuerySet):
            # A preview's bodies and people live in memory: each body filters its own.
            return list(bodies)
        consented = with_publication_consent(ManagementBodyMember.objects.all())
        return list(
            bodies.prefetch_related(
                Prefetch("people", queryset=consented, to_attr="consented_members")
            )
        )
