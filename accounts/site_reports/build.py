"""Gathering a school's report for a period, and storing it as a snapshot.

Each section reads only the school's own data: its pages (the tree under its home page), its
records (those with its `site`), its visitors' messages and its moderators' decisions. The
snapshot is written in every interface language, each built under that language, because the
completeness findings and Wagtail's action labels are translated when they are made.
"""

from __future__ import annotations

import datetime
import statistics as stats

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, Count, Q
from django.db.models.functions import Cast
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from wagtail.log_actions import registry as log_actions
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Site, WorkflowState

from cms_pages.completeness import EXPIRED, NOT_REVIEWED, school_report
from cms_pages.models import PublishedQuestion, SchoolProfile, SiteAlert, VisitorMessage
from cms_pages.statistics.summary import usage_summary
from moderation.models import ContentCheckTaskState, ModerationDecision
from moderation.reports.models import PageReport

from .deletions import DELETE
from .models import SiteReport

# What reaches (or leaves) the public: the changes a report lists.
PUBLIC_ACTIONS = (
    "wagtail.publish",
    "wagtail.unpublish",
    "wagtail.delete",
    "wagtail.move",
    "wagtail.rename",
    "wagtail.revert",
)
# The school's own records that are published through its workflow.
SCHOOL_RECORDS = (SchoolProfile, SiteAlert, PublishedQuestion)
MAX_CHANGES = 500


def month_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The calendar month holding `day`: its first and last days."""
    first = day.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, following - datetime.timedelta(days=1)


def previous_month(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    return month_of(today.replace(day=1) - datetime.timedelta(days=1))


def window(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, ...]:
    """The period's first moment and the moment after its last day, in the site's time zone."""
    zone = timezone.get_current_timezone()
    begin = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    after = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min)
    return begin, after.replace(tzinfo=zone)


def person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


# Sections ---------------------------------------------------------------------------------


def school_pages(site: Site):
    return Page.objects.filter(path__startswith=site.root_page.path)


def page_changes(site: Site, begin, after) -> list[dict]:
    # A deleted page is gone from the tree; its deletion carries the school (deletions.py).
    entries = list(
        PageLogEntry.objects.filter(
            # The page's id, not a join: a join would drop the deleted pages' entries.
            Q(page_id__in=school_pages(site).values("pk"))
            | Q(action=DELETE, data__site_id=site.pk),
            action__in=PUBLIC_ACTIONS,
            timestamp__gte=begin,
            timestamp__lt=after,
        )
        .select_related("user")
        .order_by("-timestamp", "-pk")[:MAX_CHANGES]
    )
    pages = Page.objects.in_bulk({entry.page_id for entry in entries})
    changes = []
    for entry in entries:
        page = pages.get(entry.page_id)
        if page is None:
            changes.append(change(entry, entry.label, ""))
        else:
            changes.append(
                change(entry, page.title, reverse("wagtailadmin_pages:edit", args=[page.pk]))
            )
    return changes


def record_changes(site: Site, begin, after) -> list[dict]:
    found = []
    for model in SCHOOL_RECORDS:
        records = {str(record.pk): record for record in model.objects.filter(site=site)}
        entries = ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=list(records),
            action__in=PUBLIC_ACTIONS,
            timestamp__gte=begin,
            timestamp__lt=after,
        ).select_related("user")[:MAX_CHANGES]
        for entry in entries:
            record = records[entry.object_id]
            found.append(change(entry, f"{model._meta.verbose_name}: {record}", edit_url(record)))
    return found


def edit_url(record) -> str:
    try:
        return reverse(record.snippet_viewset.get_url_name("edit"), args=[quote(record.pk)])
    except (AttributeError, NoReverseMatch):
        return ""


def change(entry, title: str, url: str) -> dict:
    return {
        "when": entry.timestamp.isoformat(),
        "who": person(entry.user),
        "action": entry.action,
        "action_label": str(log_actions.get_action_label(entry.action)),
        "title": str(title),
        "admin_url": url,
    }


def completeness(site: Site) -> dict:
    report = school_report(site)
    items = [item.as_dict() for item in report.items]
    return {
        "complete": report.is_complete,
        "items": items,
        "expired": [item["title"] for item in items if item["status"] == EXPIRED],
        "not_reviewed": [item["title"] for item in items if item["status"] == NOT_REVIEWED],
        "review_days": SchoolProfile.for_site(site).disclosure_review_days,
    }


def visitor_messages(site: Site, begin, after) -> dict:
    received = VisitorMessage.objects.filter(
        site=site, received_at__gte=begin, received_at__lt=after
    )
    labels = dict(VisitorMessage.Status.choices)
    by_status = dict(
        received.in_inbox().values_list("status").annotate(count=Count("pk")).order_by()
    )
    answered = [
        (message.answered_at - message.received_at, message)
        for message in received.filter(answered_at__isnull=False)
    ]
    days = [delta.total_seconds() / 86400 for delta, _message in answered]
    today = timezone.localdate()
    late = sum(
        1
        for _delta, message in answered
        if timezone.localdate(message.answered_at) > message.due_on
    )
    unanswered_overdue = received.overdue(today).filter(answered_at__isnull=True).count()
    return {
        "received": received.count(),
        "by_status": [
            {"status": status, "label": str(label), "count": by_status.get(status, 0)}
            for status, label in labels.items()
        ],
        "held": received.held().count(),
        "rejected": received.filter(screening=VisitorMessage.Screening.REJECTED).count(),
        "answered": len(answered),
        "median_days": round(stats.median(days), 1) if days else None,
        "longest_days": round(max(days), 1) if days else None,
        "overdue": late + unanswered_overdue,
    }


def school_workflow_states(site: Site):
    pages = school_pages(site).values_list(Cast("pk", CharField()), flat=True)
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=pages
    )
    for model in SCHOOL_RECORDS:
        records = model.objects.filter(site=site).values_list(Cast("pk", CharField()), flat=True)
        states = states | WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(model), object_id__in=records
        )
    return states


def moderation(site: Site, begin, after) -> dict:
    decisions = ModerationDecision.objects.filter(
        site=site, decided_at__gte=begin, decided_at__lt=after
    )
    counted = dict(decisions.values_list("decision").annotate(count=Count("pk")).order_by())
    rejections = ContentCheckTaskState.objects.filter(
        workflow_state__in=school_workflow_states(site),
        verdict="reject",
        started_at__gte=begin,
        started_at__lt=after,
    ).count()
    reports = PageReport.objects.filter(site=site, created_at__gte=begin, created_at__lt=after)
    reported = dict(reports.values_list("status").annotate(count=Count("pk")).order_by())
    return {
        "approved": counted.get(ModerationDecision.APPROVE, 0),
        "sent_back": counted.get(ModerationDecision.REJECT, 0),
        "check_rejections": rejections,
        "page_reports": reports.count(),
        "page_reports_by_status": [
            {"status": status, "label": str(label), "count": reported.get(status, 0)}
            for status, label in PageReport.STATUS_CHOICES
        ],
    }


def usage(site: Site, start: datetime.date, end: datetime.date) -> dict:
    summary = usage_summary(site, start, end + datetime.timedelta(days=1))
    # JSON has no dates or tuples: rows become lists, days ISO dates.
    return {
        key: [
            [item.isoformat() if hasattr(item, "isoformat") else item for item in row]
            for row in value
        ]
        if isinstance(value, list)
        else value
        for key, value in summary.items()
    }


def content(site: Site, start: datetime.date, end: datetime.date) -> dict:
    """The report's sections in the active language."""
    begin, after = window(start, end)
    profile = SchoolProfile.for_site(site)
    changes = page_changes(site, begin, after) + record_changes(site, begin, after)
    changes.sort(key=lambda row: row["when"], reverse=True)
    built = {
        "school": profile.full_name or site.site_name or site.hostname,
        "hostname": site.hostname,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "changes": changes,
        "completeness": completeness(site),
        "messages": visitor_messages(site, begin, after),
        "moderation": moderation(site, begin, after),
        "statistics": usage(site, start, end),
    }
    return built


def build(site: Site, start: datetime.date, end: datetime.date, user=None) -> SiteReport:
    """The school's report for the period, built now: the period's draft refreshed, or a new
    report when there is none (an approved report is never changed)."""
    snapshot = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            snapshot[language] = content(site, start, end)
    with transaction.atomic():
        report, _created = SiteReport.objects.select_for_update().update_or_create(
            site=site,
            period_start=start,
            period_end=end,
            approved_at__isnull=True,
            defaults={
                "content": snapshot,
                "built_at": timezone.now(),
                "built_by": user,
            },
        )
    return report
