"""Visitors' open reports in the moderation queue: one entry per reported page.

Repeated reports of a page are grouped with their count, the reasons with their counts, the
latest comments and the first and last time; the moderator then acts on the page once.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet
from wagtail.models import Page, Site

from accounts.roles import Can
from accounts.scope import sites_where

from ..labels import category_label
from .models import PageReport

LATEST_COMMENTS = 5


@dataclass
class ReportGroup:
    page: Page
    site: Site
    count: int = 0
    reasons: list[tuple[str, int]] = field(default_factory=list)
    comments: list[PageReport] = field(default_factory=list)
    first_at: datetime | None = None
    last_at: datetime | None = None

    @property
    def is_home(self) -> bool:
        """The school's home page: taking it down would leave the school without a site."""
        return self.site.root_page_id == self.page.pk


def handled_sites(user) -> list[Site]:
    return sites_where(user, Can.HANDLE_REPORTS)


def open_reports(user) -> QuerySet[PageReport]:
    """The open reports of the schools where `user` handles reports (every school's for a
    platform administrator)."""
    return PageReport.objects.filter(
        status=PageReport.OPEN, site__in=handled_sites(user), page__isnull=False
    )


def report_groups(user) -> list[ReportGroup]:
    """The open reports `user` may act on, one group per page, the longest waiting first."""
    reports = open_reports(user).select_related("page", "site").order_by("created_at", "pk")
    groups: dict[int, ReportGroup] = {}
    reasons: dict[int, Counter] = {}
    labels = dict(PageReport.REASON_CHOICES)
    for report in reports:
        group = groups.setdefault(report.page_id, ReportGroup(report.page, report.site))
        group.count += 1
        group.first_at = group.first_at or report.created_at
        group.last_at = report.created_at
        reasons.setdefault(report.page_id, Counter())[report.reason] += 1
        if report.comment:
            report.flag_labels = sorted(
                {category_label(finding["category"]) for finding in report.check_findings}
            )
            group.comments.insert(0, report)
    for page_id, group in groups.items():
        group.reasons = [
            (str(labels.get(reason, reason)), count)
            for reason, count in reasons[page_id].most_common()
        ]
        del group.comments[LATEST_COMMENTS:]
        group.page = group.page.specific_deferred
    return list(groups.values())
