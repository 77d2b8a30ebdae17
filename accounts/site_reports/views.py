"""The "Site reports" admin screens: a school's reports, one report, building, approving, the
review period, and the downloads (HTML and PDF)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms_pages.models import SchoolProfile

from .access import (
    may_approve,
    may_set_review_period,
    report_or_404,
    report_sites,
    site_or_404,
)
from .build import build, month_of
from .models import SiteReport
from .pdf import report_pdf
from .review_period import ReviewPeriodForm, set_review_period


def index(request):
    sites = report_sites(request.user)
    if not sites:
        raise PermissionDenied
    return redirect("accounts_site_reports", site_id=sites[0].pk)


def school_reports(request, site_id):
    site = site_or_404(request.user, site_id)
    return TemplateResponse(
        request,
        "accounts/site_reports/index.html",
        {
            "site": site,
            "sites": report_sites(request.user),
            "reports": SiteReport.objects.filter(site=site).select_related("approved_by"),
        },
    )


@require_POST
def build_now(request, site_id):
    """This month's report to date: its draft refreshed, or a new one."""
    site = site_or_404(request.user, site_id)
    today = timezone.localdate()
    report = build(site, month_of(today)[0], today, user=request.user)
    messages.success(request, _("The report has been built."))
    return redirect("accounts_site_report", report_id=report.pk)


def readable(report: SiteReport) -> dict:
    """The snapshot in the reader's language, its times as times (JSON keeps them as text)."""
    body = report.content_in()
    changes = [{**row, "when": parse_datetime(row["when"])} for row in body.get("changes", [])]
    return {**body, "changes": changes}


def context_for(request, report, form=None):
    site = report.site
    may_set = may_set_review_period(request.user, site)
    if may_set and form is None:
        days = SchoolProfile.for_site(site).disclosure_review_days
        form = ReviewPeriodForm(initial={"disclosure_review_days": days})
    return {
        "report": report,
        "site": site,
        "body": readable(report),
        "may_approve": may_approve(request.user, site) and not report.is_approved,
        "review_form": form if may_set else None,
    }


def detail(request, report_id):
    report = report_or_404(request.user, report_id)
    return TemplateResponse(
        request, "accounts/site_reports/detail.html", context_for(request, report)
    )


def approve(request, report_id):
    report = report_or_404(request.user, report_id)
    if not may_approve(request.user, report.site):
        raise PermissionDenied
    if request.method != "POST":
        return TemplateResponse(
            request, "accounts/site_reports/approve_confirm.html", context_for(request, report)
        )
    with transaction.atomic():
        approved = SiteReport.objects.filter(pk=report.pk, approved_at__isnull=True).update(
            approved_by=request.user, approved_at=timezone.now()
        )
    if approved:
        messages.success(request, _("The report has been approved."))
    else:
        messages.warning(request, _("This report was already approved; it cannot be changed."))
    return redirect("accounts_site_report", report_id=report.pk)


@require_POST
def review_period(request, report_id):
    report = report_or_404(request.user, report_id)
    if not may_set_review_period(request.user, report.site):
        raise PermissionDenied
    form = ReviewPeriodForm(request.POST)
    if not form.is_valid():
        response = TemplateResponse(
            request, "accounts/site_reports/detail.html", context_for(request, report, form)
        )
        response.status_code = 400
        return response
    days = form.cleaned_data["disclosure_review_days"]
    set_review_period(SchoolProfile.for_site(report.site), days, request.user)
    messages.success(
        request,
        _("Disclosures must now be reviewed every %(days)s days; build the report again to see it.")
        % {"days": days},
    )
    return redirect(reverse("accounts_site_report", args=[report.pk]) + "#review-period")


def file_name(report: SiteReport, extension: str) -> str:
    draft = "" if report.is_approved else "-draft"
    return f"site-report-{report.site.hostname}-{report.period_start:%Y-%m-%d}{draft}.{extension}"


def download_html(request, report_id):
    report = report_or_404(request.user, report_id)
    html = render_to_string(
        "accounts/site_reports/standalone.html",
        {"report": report, "body": readable(report), "printed": timezone.now()},
        request=request,
    )
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_name(report, "html")}"'
    return response


def download_pdf(request, report_id):
    report = report_or_404(request.user, report_id)
    response = HttpResponse(report_pdf(report), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{file_name(report, "pdf")}"'
    return response
