"""The one record of a school's basic facts (REQUIREMENTS R1 item 1).

Every page, the header, the footer and later the API and the static export read the school's
name, address, hours and contacts from here, so no two parts of the site can disagree. The row
is what the public sees; the school's changes wait in revisions until its director approves them
(see school_records.py).
"""

from urllib.parse import urlencode

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Orderable

from ..phones import tel_uri
from ..serialization import DisclosureFields
from .school_records import SchoolRecordMixin

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()\-]{5,20}$",
    _("Enter a phone number of digits, spaces, brackets and dashes, e.g. +996 312 62-45-10."),
)


class SchoolProfile(SchoolRecordMixin, ClusterableModel, BaseSiteSetting):
    full_name = models.CharField(_("full name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    working_hours = models.TextField(
        _("working hours"),
        blank=True,
        help_text=_("Days and hours, one line each, e.g. “Mon–Fri 08:00–17:00”."),
    )
    founding_date = models.DateField(_("founding date"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo of the school"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the home page; a wide photo of the building works best."),
    )
    photo_alt = models.CharField(
        _("photo description"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for visitors who cannot see it."),
    )
    disclosure_review_days = models.PositiveSmallIntegerField(
        _("disclosure review period, days"),
        default=90,
        help_text=_(
            "How often each disclosure page must be reviewed (republished); older pages are "
            "reported as not reviewed."
        ),
    )
    # The employee who answers for the site's content (004 §1.8).
    responsible_name = models.CharField(
        _("responsible employee: full name"), max_length=255, blank=True
    )
    responsible_position = models.CharField(
        _("responsible employee: position"), max_length=255, blank=True
    )
    responsible_phone = models.CharField(
        _("responsible employee: phone"),
        max_length=32,
        blank=True,
        validators=[phone_validator],
    )
    responsible_email = models.EmailField(_("responsible employee: e-mail"), blank=True)
    # The school's own documents and images; other apps scope permissions with it.
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("full_name"), FieldPanel("short_name"), FieldPanel("founding_date")],
            heading=_("Name"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("latitude"),
                FieldPanel("longitude"),
                FieldPanel("working_hours"),
            ],
            heading=_("Location and hours"),
        ),
        InlinePanel("branches", label=_("Branches")),
        MultiFieldPanel(
            [FieldPanel("email"), InlinePanel("phones", label=_("Phones"))],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("responsible_name"),
                FieldPanel("responsible_position"),
                FieldPanel("responsible_phone"),
                FieldPanel("responsible_email"),
            ],
            heading=_("Responsible for the site"),
        ),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("photo"), FieldPanel("photo_alt")],
            heading=_("Logo and photo"),
        ),
        FieldPanel("disclosure_review_days"),
    ]

    class Meta:
        verbose_name = _("school profile")
        verbose_name_plural = _("school profiles")

    def __str__(self):
        return self.full_name or str(self.site)

    @classmethod
    def base_queryset(cls):
        # Every public page shows the phones (footer, JSON-LD): read them with the profile.
        return super().base_queryset().prefetch_related("phones")

    @property
    def responsible_tel_uri(self) -> str:
        return tel_uri(self.responsible_phone)

    @property
    def map_url(self) -> str:
        """A plain link to the school on OpenStreetMap (no third-party script on the site): its
        point if known, else its address."""
        if self.latitude is not None and self.longitude is not None:
            lat, lon = self.latitude, self.longitude
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        if self.address:
            return "https://www.openstreetmap.org/search?" + urlencode({"query": self.address})
        return ""

    @property
    def working_hours_lines(self) -> list[str]:
        return [line.strip() for line in self.working_hours.splitlines() if line.strip()]


class SchoolPhone(Orderable):
    profile = ParentalKey(SchoolProfile, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(_("number"), max_length=32, validators=[phone_validator])
    label = models.CharField(
        _("label"), max_length=100, blank=True, help_text=_("Whose phone, e.g. “Reception”.")
    )

    panels = [FieldPanel("number"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("phone")
        verbose_name_plural = _("phones")

    def __str__(self):
        return self.number

    @property
    def tel_uri(self) -> str:
        return tel_uri(self.number)


class SchoolBranch(Orderable):
    profile = ParentalKey(SchoolProfile, on_delete=models.CASCADE, related_name="branches")
    name = models.CharField(_("name"), max_length=255)
    address = models.CharField(_("address"), max_length=255)

    panels = [FieldPanel("name"), FieldPanel("address")]
    disclosure_fields = DisclosureFields(texts=("name", "address"))

    class Meta(Orderable.Meta):
        verbose_name = _("branch")
        verbose_name_plural = _("branches")

    def __str__(self):
        return self.name
