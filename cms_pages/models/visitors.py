"""What visitors write to the school (issue 12): their messages, the pages where they write and
read the answers, and the questions the school publishes.

A `VisitorMessage` is personal data (003 §6.2): only the school's own staff read it, a flagged
one waits for the school's content moderators first (`screening`), and its author's name and
contacts are erased a configurable time after it is closed (purge_visitor_data). A question is
shown on the public Questions page only as a `PublishedQuestion`: a separate bilingual school
record, written by staff from the message without the author's details and published through the
school's workflow like every other public text.
"""

import datetime
import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from ..blocks import GeneralBlocks
from ..routing import TreeRoutedPage
from .disclosure import FixedSlugMixin
from .school_records import SchoolRecordMixin

# Letters and digits a visitor cannot confuse when reading a reference aloud (no 0/O, 1/I/L).
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days (Monday to Friday) after `start`."""
    current = start
    while days > 0:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


def answer_due_on(received: datetime.datetime) -> datetime.date:
    days = getattr(settings, "MEKTEP_ANSWER_WORKING_DAYS", 15)
    return add_working_days(timezone.localdate(received), days)


class Topic(models.TextChoices):
    ADMISSION = "admission", _("Admission")
    EDUCATION = "education", _("Education")
    NUTRITION = "nutrition", _("Nutrition")
    SAFETY = "safety", _("Safety")
    COMPLAINT = "complaint", _("Complaint")
    OTHER = "other", _("Other")


class VisitorMessageQuerySet(models.QuerySet):
    def in_inbox(self):
        """Messages the school's staff work on: those the checker passed or a moderator released."""
        return self.filter(screening=VisitorMessage.Screening.CLEAR)

    def held(self):
        return self.filter(screening=VisitorMessage.Screening.HELD)

    def open(self):
        return self.filter(status__in=VisitorMessage.OPEN_STATUSES)

    def overdue(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.in_inbox().open().filter(due_on__lt=today)


class VisitorMessage(models.Model):
    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("visitor message", "New")
        IN_PROGRESS = "in_progress", pgettext_lazy("visitor message", "In progress")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    class Screening(models.TextChoices):
        PENDING = "pending", _("Not checked yet")
        CLEAR = "clear", _("Passed the check")
        HELD = "held", _("Held for a moderator")
        REJECTED = "rejected", _("Rejected by a moderator")

    OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS)

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("school site"), on_delete=models.CASCADE
    )
    reference = models.CharField(_("reference number"), max_length=12, unique=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    text = models.TextField(_("message"))
    may_publish = models.BooleanField(_("may be published anonymously"), default=False)
    consent_given_at = models.DateTimeField(_("consent to processing given at"))
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    due_on = models.DateField(_("answer due"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    screening = models.CharField(
        _("check"), max_length=10, choices=Screening.choices, default=Screening.PENDING
    )
    flags = models.JSONField(_("findings of the check"), default=list, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer_emailed_at = models.DateTimeField(_("answer e-mailed at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("personal data removed at"), null=True, blank=True)

    objects = VisitorMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("visitor's message")
        verbose_name_plural = _("visitors' messages")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["site", "screening", "status"])]

    def __str__(self):
        return self.reference

    @property
    def is_overdue(self) -> bool:
        return self.status in self.OPEN_STATUSES and self.due_on < timezone.localdate()

    def set_status(self, status: str) -> None:
        self.status = status
        self.closed_at = timezone.now() if status == self.Status.CLOSED else None

    def erase_personal_data(self, keep_text: bool = False) -> None:
        """Remove who wrote and how to reach them (and the text unless `keep_text`)."""
        self.name = ""
        self.email = ""
        self.phone = ""
        if not keep_text:
            self.text = ""
            self.answer = ""
            self.flags = [
                {key: flag.get(key) for key in ("rule_id", "category", "action")}
                for flag in self.flags
            ]
        self.anonymised_at = timezone.now()

    @classmethod
    def receive(cls, **fields) -> "VisitorMessage":
        """Store a new message under a fresh reference number, with its due date."""
        received = fields.setdefault("received_at", timezone.now())
        fields.setdefault("due_on", answer_due_on(received))
        for _attempt in range(10):
            reference = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
            try:
                with transaction.atomic():
                    return cls.objects.create(
                        reference=f"{reference[:4]}-{reference[4:]}", **fields
                    )
            except IntegrityError:
                continue
        raise IntegrityError("no free reference number")


class PublishedQuestion(SchoolRecordMixin, models.Model):
    """A visitor's question and the school's answer, as the school publishes them: in both
    languages, without who asked, approved like every public text."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("school site"), on_delete=models.CASCADE
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    question = models.TextField(
        _("question"), help_text=_("Leave out names, contacts and anything else personal.")
    )
    answer = models.TextField(_("answer"))
    asked_on = models.DateField(_("asked on"), default=timezone.localdate)
    # Staff only: where the question came from. Never shown or published.
    source = models.ForeignKey(
        VisitorMessage,
        verbose_name=_("visitor's message"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="published_questions",
        editable=False,
    )

    panels = [
        FieldPanel("site"),
        FieldPanel("topic"),
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("asked_on"),
    ]

    class Meta:
        verbose_name = _("published question")
        verbose_name_plural = _("published questions")
        ordering = ["-asked_on", "-pk"]

    def __str__(self):
        return self.question[:60]


class FeedbackPage(FixedSlugMixin, TreeRoutedPage, Page):
    """“Write to the school”: the form, at the same address in every school (/<lang>/feedback/).
    The form itself is `cms_pages.feedback`."""

    fixed_slug = "feedback"
    section_title = _("Write to the school")
    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("feedback page")
        verbose_name_plural = _("feedback pages")

    def serve(self, request, *args, **kwargs):
        from ..feedback import serve_feedback_page

        return serve_feedback_page(self, request)


class QuestionsPage(FixedSlugMixin, TreeRoutedPage, Page):
    """The school's published questions and answers (/<lang>/faq/)."""

    fixed_slug = "faq"
    section_title = _("Questions and answers")
    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("questions and answers page")
        verbose_name_plural = _("questions and answers pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        context["questions"] = PublishedQuestion.objects.filter(site=site, live=True).order_by(
            "-asked_on", "-pk"
        )
        return context


class PrivacyNoticePage(FixedSlugMixin, TreeRoutedPage, Page):
    """How the school handles what visitors send it (003 §6.2). Starts with a default text the
    school can edit; how long data is kept is read from the settings, so it is always true."""

    fixed_slug = "privacy"
    section_title = _("Privacy notice")
    body = StreamField(GeneralBlocks(), verbose_name=_("content"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["retention_days"] = retention_days()
        return context


def retention_days() -> int:
    return getattr(settings, "MEKTEP_VISITOR_DATA_RETENTION_DAYS", 365)
