"""People named or pictured on a page (a news article, any page that says who is in it).

The editor lists each person the page names or shows, with the consent to publish them (for a
pupil, the consent a parent or guardian signed). The list is the school's record, never published
itself; the publishing gate refuses a page while anyone on it lacks a recorded consent (003 §6.2).

A page type takes part by inheriting :class:`ShowsPeople` and adding ``PEOPLE_SHOWN_PANEL`` to its
panels; the records hang off Wagtail's base page, so no new table is needed per page type.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from ..forms import PersonalDataPageForm
from .people import PublishedWithConsent


class PersonShown(PublishedWithConsent, Orderable):
    PUPIL = "pupil"
    PARENT = "parent"
    STAFF = "staff"
    GUEST = "guest"
    KIND_CHOICES = [
        (PUPIL, _("pupil")),
        (PARENT, _("parent")),
        (STAFF, _("staff member")),
        (GUEST, _("guest")),
    ]

    # Publishing refuses the page while this person has no consent (moderation/review.py).
    publishing_requires_consent = True

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="people_shown")
    full_name = models.CharField(pgettext_lazy("person", "full name"), max_length=255)
    kind = models.CharField(_("who they are"), max_length=10, choices=KIND_CHOICES)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image of the page that shows them"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_given_by = models.CharField(
        _("consent given by"),
        max_length=255,
        blank=True,
        help_text=_("For a pupil: the parent or guardian who signed, e.g. “mother, A. Asanova”."),
    )

    panels = [
        FieldRowPanel([FieldPanel("full_name"), FieldPanel("kind")]),
        FieldPanel("image"),
        FieldPanel("consent_given_by"),
        *PublishedWithConsent.consent_panels,
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("person named or pictured")
        verbose_name_plural = _("people named or pictured")

    def __str__(self):
        return self.full_name

    def clean(self):
        super().clean()
        if self.kind == self.PUPIL and self.consent_date and not self.consent_given_by.strip():
            raise ValidationError(
                {
                    "consent_given_by": _(
                        "A pupil's consent is given by a parent or guardian: enter who signed it."
                    )
                }
            )


PEOPLE_SHOWN_PANEL = InlinePanel(
    "people_shown",
    heading=_("People named or pictured"),
    label=_("person"),
    help_text=_(
        "Everyone this page names or shows in a photo, with the date of their signed consent. "
        "The page cannot be published while anyone here has no consent recorded."
    ),
)


class ShowsPeople:
    """For a page type that names or pictures people: records who entered each consent."""

    base_form_class = PersonalDataPageForm
