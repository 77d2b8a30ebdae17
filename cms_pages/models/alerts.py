"""Emergency announcements (a school closed for snow, a water outage) shown on every page of
one school's site while they are in force. Only the published version shows: drafts and
changes waiting for the director live in revisions (see school_records.py)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .school_records import SchoolRecordMixin


class SiteAlertQuerySet(models.QuerySet):
    def in_force(self, site, now=None):
        now = now or timezone.now()
        return self.filter(
            Q(ends_at__isnull=True) | Q(ends_at__gt=now),
            site=site,
            live=True,
            starts_at__lte=now,
        ).order_by("-severity_rank", "-starts_at")

    def in_force_and_next_change(self, site, now=None):
        """The announcements in force, and the next moment that list changes by itself (one
        starts or ends), from one query."""
        now = now or timezone.now()
        shown_or_due = self.filter(
            Q(ends_at__isnull=True) | Q(ends_at__gt=now), site=site, live=True
        ).order_by("-severity_rank", "-starts_at")
        in_force, moments = [], []
        for alert in shown_or_due:
            if alert.starts_at <= now:
                in_force.append(alert)
                if alert.ends_at:
                    moments.append(alert.ends_at)
            else:
                moments.append(alert.starts_at)
        return in_force, min(moments, default=None)


class SiteAlert(SchoolRecordMixin, models.Model):
    class Severity(models.TextChoices):
        INFO = "info", _("Information")
        WARNING = "warning", _("Warning")
        DANGER = "danger", _("Danger")

    RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.DANGER: 2}

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("school site"), on_delete=models.CASCADE
    )
    severity = models.CharField(
        _("severity"), max_length=10, choices=Severity.choices, default=Severity.INFO
    )
    # Derived from severity so the most serious announcement can be sorted first in SQL.
    severity_rank = models.PositiveSmallIntegerField(editable=False, default=0)
    message = models.TextField(_("message"))
    starts_at = models.DateTimeField(_("shown from"), default=timezone.now)
    ends_at = models.DateTimeField(
        _("shown until"), null=True, blank=True, help_text=_("Leave empty to show until removed.")
    )

    panels = [
        FieldPanel("site"),
        FieldPanel("severity"),
        FieldPanel("message"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
    ]

    objects = SiteAlertQuerySet.as_manager()

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        indexes = [models.Index(fields=["site", "starts_at"])]

    def __str__(self):
        return self.message[:60]

    def save(self, *args, **kwargs):
        self.severity_rank = self.RANKS[self.Severity(self.severity)]
        return super().save(*args, **kwargs)

    def clean(self):
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
