"""Issue 16's acceptance in a real browser: the director of the demo school builds this month's
report on the site's operation, finds this month's publish in it, approves it after the
confirmation and sees it approved. Screenshots at 360 and 1366 px go to var/screenshots/."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from accounts.roles import DIRECTOR
from accounts.site_reports.models import SiteReport
from tests.accounts.test_site_reports import ARTICLE_KY, publish_news
from tests.browser.admin_session import admin_page
from tests.browser.screens import SCREENSHOTS, VIEWPORTS
from tests.people import make_member

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_the_director_approves_this_months_report(browser, demo_live_server, screen):
    site = Site.objects.get(is_default_site=True)
    director = make_member(
        site, DIRECTOR, f"director-report-{screen}", first_name="Гүлнара", last_name="Асанова"
    )
    publish_news(site, director)
    viewport = VIEWPORTS[screen]
    base = demo_live_server.url
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with admin_page(browser, base, director, viewport) as page:
        page.goto(base + "/admin/site-reports/")
        page.screenshot(path=str(SCREENSHOTS / f"site-reports-list-{screen}.png"))
        page.get_by_role("button", name="Отчетту азыр түзүү").click()
        change = page.locator("tr.site-report-change", has_text=ARTICLE_KY)
        change.wait_for()
        assert "Гүлнара Асанова" in change.inner_text()
        assert page.get_by_text("ДОЛБООР: директор беките элек").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        page.screenshot(path=str(SCREENSHOTS / f"site-report-{screen}.png"), full_page=True)
        for section in ("report-completeness", "review-period"):
            page.locator(f"#{section}").scroll_into_view_if_needed()
            page.screenshot(path=str(SCREENSHOTS / f"site-report-{section}-{screen}.png"))

        page.get_by_role("link", name="Отчетту бекитүү").click()
        page.get_by_text("Бекитилгенден кийин аны өзгөртүүгө болбойт").wait_for()
        page.get_by_role("button", name="Ооба, бекитем").click()
        approved = page.locator(".site-report-status[data-approved=yes]")
        approved.wait_for()
        assert "Бекиткен: Гүлнара Асанова" in approved.inner_text()
        assert page.get_by_role("link", name="Отчетту бекитүү").count() == 0
        page.screenshot(
            path=str(SCREENSHOTS / f"site-report-approved-{screen}.png"), full_page=True
        )
        # The printable download, as a browser shows it when opened.
        report = SiteReport.objects.get(site=site)
        download = page.request.get(base + reverse("accounts_site_report_html", args=[report.pk]))
        page.set_content(download.text())
        assert page.get_by_text(ARTICLE_KY).is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        page.screenshot(
            path=str(SCREENSHOTS / f"site-report-download-{screen}.png"), full_page=True
        )
    report.refresh_from_db()
    assert report.approved_by == director and report.is_approved
