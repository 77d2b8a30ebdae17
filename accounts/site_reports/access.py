"""Who may read, build and approve a school's reports, read from the role table.

A report of a school where the user holds no role that may read reports does not exist for
them (404), whatever they ask of it; a platform administrator reads every school's. Approving is
the director's alone: a platform administrator who is not the school's director may not.
"""

from django.http import Http404
from wagtail.models import Site

from ..roles import Can
from ..scope import roles_at, sites_where, user_can
from .models import SiteReport


def report_sites(user) -> list[Site]:
    if not (user.is_authenticated and user.is_active):
        return []
    return sites_where(user, Can.VIEW_SITE_REPORTS)


def site_or_404(user, site_id) -> Site:
    site = Site.objects.select_related("root_page").filter(pk=site_id).first()
    if site is None or not user_can(user, Can.VIEW_SITE_REPORTS, site):
        raise Http404
    return site


def report_or_404(user, report_id) -> SiteReport:
    report = SiteReport.objects.select_related("site", "approved_by", "built_by")
    report = report.filter(pk=report_id).first()
    if report is None or not user_can(user, Can.VIEW_SITE_REPORTS, report.site):
        raise Http404
    return report


def may_approve(user, site: Site) -> bool:
    return user.is_active and any(
        role.can(Can.APPROVE_SITE_REPORT) for role in roles_at(user, site)
    )


def may_set_review_period(user, site: Site) -> bool:
    return user.is_active and any(role.can(Can.SET_REVIEW_PERIOD) for role in roles_at(user, site))
