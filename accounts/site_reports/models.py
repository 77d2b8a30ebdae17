"""A built report: what a school's site did in a period, as it was when built.

The content is a snapshot (JSON), written once per language so that each reader sees it in
their admin language without rebuilding; an approved report is frozen, and building the same
period again makes a new report beside it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site


class SiteReport(models.Model):
    site = models.ForeignKey(
        Site, verbose_name=_("school"), on_delete=models.CASCADE, related_name="site_reports"
    )
    period_start = models.DateField(_("period start"))
    # The period's last day, included.
    period_end = models.DateField(_("period end"))
    content = models.JSONField(_("content"), default=dict)
    built_at = models.DateTimeField(_("built at"), default=timezone.now)
    # Nobody for the monthly command.
    built_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("built by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("site report")
        verbose_name_plural = _("site reports")
        ordering = ["-period_start", "-period_end", "-built_at", "-pk"]
        constraints = [
            # At most one draft per school and period: building again refreshes it.
            models.UniqueConstraint(
                fields=["site", "period_start", "period_end"],
                condition=Q(approved_at__isnull=True),
                name="one_draft_site_report_per_period",
            )
        ]

    def __str__(self):
        return f"{self.site}: {self.period_start}–{self.period_end}"

    @property
    def period(self) -> str:
        return f"{self.period_start:%d.%m.%Y} – {self.period_end:%d.%m.%Y}"

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None

    def content_in(self, language: str | None = None) -> dict:
        """The snapshot in `language` (the active one by default), else in the first built."""
        language = (language or get_language() or "").split("-")[0]
        if language in self.content:
            return self.content[language]
        return next(iter(self.content.values()), {})
