"""The director sets how often disclosures must be reviewed, from the report (004 §1.8).

The school profile's changes wait for the director's approval; the director is that approver,
so their change of this one number is saved at once, written also into the profile's newest
revision (else publishing a draft made before would bring the old number back) and logged as
Wagtail logs an edit.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from cms_pages.models import SchoolProfile

FIELD = "disclosure_review_days"


class ReviewPeriodForm(forms.Form):
    disclosure_review_days = forms.IntegerField(
        label=_("Disclosure review period, days"),
        min_value=1,
        max_value=366,
        error_messages={
            "invalid": _("Enter the number of days as a whole number, from 1 to 366."),
            "required": _("Enter the number of days as a whole number, from 1 to 366."),
            "min_value": _("Enter the number of days as a whole number, from 1 to 366."),
            "max_value": _("Enter the number of days as a whole number, from 1 to 366."),
        },
    )


def set_review_period(profile: SchoolProfile, days: int, user) -> None:
    before = profile.disclosure_review_days
    if before == days:
        return
    profile.disclosure_review_days = days
    profile.save(update_fields=[FIELD])
    revision = profile.latest_revision
    if revision is not None:
        revision.content[FIELD] = days
        revision.save(update_fields=["content"])
    log(instance=profile, action="wagtail.edit", user=user, data={FIELD: [before, days]})
