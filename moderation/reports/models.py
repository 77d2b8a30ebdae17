"""A visitor's report of one public page: the reason, an optional comment and what became of it.

No personal data is asked or kept: neither a name, a contact nor the visitor's address (the
rate limits count a salted hash in the cache). A report stays after it is resolved, as history.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

COMMENT_MAX_LENGTH = 2000
NOTE_MAX_LENGTH = 500


class PageReport(models.Model):
    WRONG = "wrong"
    OUTDATED = "outdated"
    HARMFUL = "harmful"
    PERSONAL_DATA = "personal_data"
    OTHER = "other"
    REASON_CHOICES = [
        (WRONG, _("Wrong information")),
        (OUTDATED, _("Outdated information")),
        (HARMFUL, _("Harmful or prohibited content")),
        (PERSONAL_DATA, _("Personal data published without consent")),
        (OTHER, _("Something else")),
    ]

    OPEN = "open"
    TAKEN_DOWN = "taken_down"
    DISMISSED = "dismissed"
    PAGE_DELETED = "page_deleted"
    STATUS_CHOICES = [
        (OPEN, _("open")),
        (TAKEN_DOWN, _("page taken down")),
        (DISMISSED, _("dismissed")),
        (PAGE_DELETED, _("page deleted")),
    ]

    site = models.ForeignKey(
        Site, verbose_name=_("school"), on_delete=models.CASCADE, related_name="page_reports"
    )
    # Kept when the page is deleted, with the title it had, for the history.
    page = models.ForeignKey(
        Page,
        verbose_name=_("page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="visitor_reports",
    )
    page_title = models.CharField(_("page title"), max_length=255)
    reason = models.CharField(_("reason"), max_length=20, choices=REASON_CHOICES)
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=2)
    # The prohibited-content checker's verdict on the comment (accept, review, reject) and its
    # findings, so that a moderator knows before reading it.
    check_verdict = models.CharField(_("check verdict"), max_length=10, blank=True)
    check_findings = models.JSONField(_("check findings"), default=list, blank=True)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    status = models.CharField(_("status"), max_length=12, choices=STATUS_CHOICES, default=OPEN)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolution_note = models.TextField(_("resolution note"), blank=True)

    class Meta:
        verbose_name = _("page report")
        verbose_name_plural = _("page reports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["site", "status", "page"], name="page_report_open")]

    def __str__(self):
        return f"{self.page_title}: {self.get_reason_display()}"


def close_reports_of_deleted_page(sender, instance, **kwargs):
    """A deleted page's open reports are closed: nothing is left to take down or correct, and
    the queue (which lists reports by page) would never show them again."""
    PageReport.objects.filter(page_id=instance.pk, status=PageReport.OPEN).update(
        status=PageReport.PAGE_DELETED, resolved_at=timezone.now()
    )
