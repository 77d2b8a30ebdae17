"""The visitor's report form: which page, why, and an optional comment; nothing personal."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms_pages.control_characters import strip_control_characters
from cms_pages.visitor_guard import GuardedForm

from .models import COMMENT_MAX_LENGTH, PageReport


class CommentField(forms.CharField):
    """Control characters pasted with a text are dropped before anything else looks at it (a NUL
    cannot be stored in PostgreSQL)."""

    def to_python(self, value):
        return strip_control_characters(super().to_python(value))


class PageReportForm(GuardedForm):
    guard_kind = "report"

    # The page comes from the footer link's `?page=`; the view resolves it (see public.py).
    page = forms.CharField(widget=forms.HiddenInput, required=False)
    reason = forms.ChoiceField(
        label=_("What is wrong with the page?"),
        choices=PageReport.REASON_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what is wrong with the page."),
            "invalid_choice": _("Choose one of the reasons listed."),
        },
    )
    comment = CommentField(
        label=_("Comment (optional)"),
        help_text=_(
            "What exactly is wrong, and where on the page? Please do not write your name, "
            "phone number or other personal data here."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": COMMENT_MAX_LENGTH}),
    )

    def __init__(self, *args, reported_page=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.reported_page = reported_page

    def clean_page(self):
        if self.reported_page is None:
            raise ValidationError(
                _(
                    "This page cannot be reported here: it is not a published page of this "
                    "school's site. Use the link at the bottom of the page you want to report."
                )
            )
        return self.reported_page.pk

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if len(comment) > COMMENT_MAX_LENGTH:
            raise ValidationError(
                _(
                    "The comment is too long: at most %(limit)d characters, "
                    "this one has %(length)d. Please shorten it."
                )
                % {"limit": COMMENT_MAX_LENGTH, "length": len(comment)}
            )
        return comment
