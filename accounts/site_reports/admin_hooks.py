"""The site reports' place in the Wagtail admin: their URLs and the "Site reports" menu item."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .access import report_sites


@hooks.register("register_admin_urls")
def site_report_urls():
    return [
        path("site-reports/", views.index, name="accounts_site_reports_index"),
        path("site-reports/<int:site_id>/", views.school_reports, name="accounts_site_reports"),
        path(
            "site-reports/<int:site_id>/build/", views.build_now, name="accounts_site_report_build"
        ),
        path("site-reports/report/<int:report_id>/", views.detail, name="accounts_site_report"),
        path(
            "site-reports/report/<int:report_id>/approve/",
            views.approve,
            name="accounts_site_report_approve",
        ),
        path(
            "site-reports/report/<int:report_id>/review-period/",
            views.review_period,
            name="accounts_site_report_review_period",
        ),
        path(
            "site-reports/report/<int:report_id>/report.html",
            views.download_html,
            name="accounts_site_report_html",
        ),
        path(
            "site-reports/report/<int:report_id>/report.pdf",
            views.download_pdf,
            name="accounts_site_report_pdf",
        ),
    ]


class SiteReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(report_sites(request.user))


@hooks.register("register_admin_menu_item")
def site_reports_menu_item():
    return SiteReportsMenuItem(
        _("Site reports"), reverse("accounts_site_reports_index"), icon_name="doc-full", order=680
    )
