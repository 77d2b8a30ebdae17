"""The "write to the school" form and its page (/<lang>/feedback/).

A plain HTML form that works without JavaScript. On success the visitor is redirected (POST,
redirect, GET) to the page again, which shows the reference number and the due date kept in
their session; on error every typed value is kept and each problem named. The visitor guard
(honeypot, fill time, rate limits) refuses abuse before anything is stored; the stored message
is then screened by moderation (the `visitor_message_received` signal), which decides whether it
reaches the school's inbox or waits for a moderator.
"""

import datetime
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from .control_characters import strip_control_characters
from .models import PrivacyNoticePage, Topic, VisitorMessage
from .signals import visitor_message_received
from .visitor_guard import GuardedForm

SESSION_KEY = "mektep_feedback_sent"
PHONE_RE = re.compile(r"^\+?[\d\s()\-]{5,}$")


def message_limit() -> int:
    return getattr(settings, "MEKTEP_VISITOR_MESSAGE_MAX_CHARS", 5000)


class TelInput(forms.TextInput):
    input_type = "tel"


class FeedbackForm(GuardedForm):
    guard_kind = "feedback"

    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={
            "required": _("Write your name."),
            "max_length": _("The name can be at most %(limit_value)d characters long."),
        },
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Write the e-mail address in full, e.g. name@example.kg."),
            "max_length": _("The e-mail address is too long."),
        },
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=40,
        widget=TelInput,
        error_messages={"max_length": _("The phone number is too long.")},
        help_text=_("For example +996 312 123456."),
    )
    topic = forms.ChoiceField(
        label=_("Topic"),
        choices=Topic.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the topic of your message."),
            "invalid_choice": _("Choose one of the topics in the list."),
        },
    )
    text = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write your message.")},
    )
    may_publish = forms.BooleanField(
        label=_(
            "The school may publish my question and its answer on the questions page, "
            "without my name and contacts."
        ),
        required=False,
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data to answer this message."),
        error_messages={
            "required": _("Without your consent the school cannot keep and answer your message.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = message_limit()
        self.fields["text"].help_text = _("At most %(limit)s characters.") % {"limit": limit}
        self.fields["text"].widget.attrs["maxlength"] = limit
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"

    def clean_name(self):
        return strip_control_characters(self.cleaned_data["name"], multiline=False).strip()

    def clean_phone(self):
        phone = strip_control_characters(self.cleaned_data["phone"], multiline=False).strip()
        if phone and (not PHONE_RE.match(phone) or sum(ch.isdigit() for ch in phone) < 5):
            raise ValidationError(_("Write the phone number with digits, e.g. +996 312 123456."))
        return phone

    def clean_text(self):
        text = strip_control_characters(self.cleaned_data["text"]).strip()
        if not text:
            raise ValidationError(_("Write your message."))
        limit = message_limit()
        if len(text) > limit:
            raise ValidationError(
                _("Your message has %(length)s characters; at most %(limit)s fit.")
                % {"length": len(text), "limit": limit}
            )
        return text

    def clean(self):
        cleaned = super().clean()
        if (
            "email" in cleaned
            and "phone" in cleaned
            and not cleaned["email"]
            and not cleaned["phone"]
        ):
            self.add_error(
                "email", _("Give an e-mail address or a phone number so the school can answer.")
            )
        return cleaned


def privacy_notice_url() -> str:
    """The school's privacy notice, at its fixed address (no query)."""
    return reverse("wagtail_serve", args=[f"{PrivacyNoticePage.fixed_slug}/"])


def serve_feedback_page(page, request):
    site = page.get_site()
    sent = None
    if request.method == "POST":
        form = FeedbackForm(request.POST, request=request, site=site)
        if form.is_valid():
            message = store(form, site)
            form.record_accepted()
            request.session[SESSION_KEY] = {
                "reference": message.reference,
                "due_on": message.due_on.isoformat(),
                "email": bool(message.email),
            }
            return HttpResponseRedirect(page.get_url(request) + "?sent=1")
        status = form.status_code
    else:
        form = FeedbackForm(request=request, site=site)
        status = 200
        if request.GET.get("sent") and SESSION_KEY in request.session:
            sent = dict(request.session[SESSION_KEY])
            sent["due_on"] = _parse_date(sent.get("due_on"))
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "sent": sent,
            "privacy_url": privacy_notice_url(),
            "working_days": getattr(settings, "MEKTEP_ANSWER_WORKING_DAYS", 15),
        }
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _parse_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


@transaction.atomic
def store(form: FeedbackForm, site: Site) -> VisitorMessage:
    data = form.cleaned_data
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    message = VisitorMessage.receive(
        site=site,
        language=language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE,
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        topic=data["topic"],
        text=data["text"],
        may_publish=data["may_publish"],
        consent_given_at=timezone.now(),
    )
    visitor_message_received.send(sender=VisitorMessage, message=message)
    return message
