"""The school's inbox of visitors' messages in the admin (issue 12).

Whoever holds `Can.ANSWER_VISITORS` at a school (its site administrators and director) reads
that school's messages and no other: every URL that names a message answers 404 for a message of
another school, GET and POST alike; a platform administrator sees every school's. Messages the
checker held are not here until a moderator releases them (moderation.visitor_messages).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cms_pages.control_characters import strip_control_characters
from cms_pages.models import PublishedQuestion, VisitorMessage

from .inbox_mail import send_answer
from .roles import Can
from .scope import school_users, sites_where


def inbox_sites(user):
    """The schools whose inbox `user` reads; None for a platform administrator (every one)."""
    if user.is_superuser and user.is_active:
        return None
    return sites_where(user, Can.ANSWER_VISITORS)


def inbox_messages(user):
    sites = inbox_sites(user)
    messages = VisitorMessage.objects.in_inbox().select_related("site", "assigned_to")
    return messages if sites is None else messages.filter(site__in=sites)


def may_open_inbox(user) -> bool:
    return user.is_active and (user.is_superuser or bool(inbox_sites(user)))


def message_or_404(request, message_id) -> VisitorMessage:
    if not may_open_inbox(request.user):
        raise Http404
    message = inbox_messages(request.user).filter(pk=message_id).first()
    if message is None:
        raise Http404
    return message


class WorkForm(forms.Form):
    assigned_to = forms.ModelChoiceField(
        label=gettext_lazy("Assigned to"), queryset=None, required=False
    )
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=VisitorMessage.Status.choices)

    def __init__(self, *args, message: VisitorMessage, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = school_users(message.site).filter(is_active=True)


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=gettext_lazy("The answer"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20000,
    )

    def clean_answer(self):
        answer = strip_control_characters(self.cleaned_data["answer"]).strip()
        if not answer:
            raise forms.ValidationError(_("Write the answer."))
        return answer


STATUS_FILTERS = dict(VisitorMessage.Status.choices)


def index(request):
    if not may_open_inbox(request.user):
        raise PermissionDenied
    status = request.GET.get("status", "")
    messages = inbox_messages(request.user).order_by("-received_at")
    if status in STATUS_FILTERS:
        messages = messages.filter(status=status)
    else:
        status = ""
    context = {
        "page_title": _("Visitors' messages"),
        "messages_list": list(messages[:500]),
        "status": status,
        "statuses": VisitorMessage.Status.choices,
        "overdue_count": inbox_messages(request.user).overdue().count(),
        "today": timezone.localdate(),
    }
    return TemplateResponse(request, "accounts/inbox/index.html", context)


def detail(request, message_id: int, work_form=None, answer_form=None):
    message = message_or_404(request, message_id)
    context = {
        "page_title": _("Message %(reference)s") % {"reference": message.reference},
        "message": message,
        "work_form": work_form
        or WorkForm(
            message=message,
            initial={"assigned_to": message.assigned_to_id, "status": message.status},
        ),
        "answer_form": answer_form or AnswerForm(initial={"answer": message.answer}),
        "questions": message.published_questions.all(),
    }
    status = 400 if (work_form or answer_form) else 200
    return TemplateResponse(request, "accounts/inbox/detail.html", context, status=status)


@require_POST
def update(request, message_id: int):
    message = message_or_404(request, message_id)
    form = WorkForm(request.POST, message=message)
    if not form.is_valid():
        return detail(request, message_id, work_form=form)
    message.assigned_to = form.cleaned_data["assigned_to"]
    message.set_status(form.cleaned_data["status"])
    message.save()
    flash.success(request, _("Message %(reference)s was saved.") % {"reference": message})
    return redirect("accounts_inbox_message", message.pk)


@require_POST
def answer(request, message_id: int):
    message = message_or_404(request, message_id)
    if message.status == VisitorMessage.Status.CLOSED:
        flash.error(request, _("The message is closed; open it again to answer."))
        return redirect("accounts_inbox_message", message.pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return detail(request, message_id, answer_form=form)
    message.answer = form.cleaned_data["answer"]
    message.answered_by = request.user
    message.answered_at = timezone.now()
    message.set_status(VisitorMessage.Status.ANSWERED)
    message.save()
    if message.email:
        if send_answer(message):
            flash.success(request, _("The answer was saved and e-mailed to the visitor."))
        else:
            flash.error(
                request, _("The answer was saved but the e-mail could not be sent. Call them.")
            )
    else:
        flash.success(
            request, _("The answer was saved. The visitor gave only a phone number: call them.")
        )
    return redirect("accounts_inbox_message", message.pk)


@require_POST
def prepare_question(request, message_id: int):
    """A draft question for the Q&A page from the message, in its language, for staff to edit
    (names out, the other language in) and send through the school's workflow."""
    message = message_or_404(request, message_id)
    if not (message.may_publish and message.answer):
        flash.error(
            request,
            _("Only an answered message whose author allowed publication can be published."),
        )
        return redirect("accounts_inbox_message", message.pk)
    question = PublishedQuestion(
        site=message.site,
        topic=message.topic,
        asked_on=timezone.localdate(message.received_at),
        source=message,
        live=False,
        has_unpublished_changes=True,
    )
    setattr(question, f"question_{message.language}", message.text)
    setattr(question, f"answer_{message.language}", message.answer)
    question.question = getattr(question, f"question_{message.language}")
    question.save()
    flash.success(
        request,
        _(
            "A draft question was made. Remove anything personal, add the other language "
            "and submit it for approval."
        ),
    )
    return redirect(reverse("wagtailsnippets_cms_pages_publishedquestion:edit", args=[question.pk]))
