"""A visitor reports a news page from its footer, a content moderator takes the page down from
the queue, and the page is gone; on a phone and a desktop, with screenshots in var/screenshots/.
axe-core checks the form, its error state and the thanks in both languages."""

import pytest
from wagtail.models import Page, Site

from accounts.roles import MODERATOR
from moderation.models import PageReport
from tests.browser.admin_session import admin_page
from tests.browser.screens import SCREENSHOTS
from tests.browser.test_accessibility_with_axe import AXE, violations
from tests.people import make_member

pytestmark = pytest.mark.browser

ARTICLE = "/ky/news/school-year-begins/"
COMMENT = "Жаңылыктагы дата туура эмес: окуу жылы 2-сентябрда башталат."


def fits_the_screen(page, viewport) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= viewport["width"] + 1


def shot(page, name, viewport):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{viewport['width']}.png"), full_page=True)


@pytest.mark.parametrize(
    "viewport",
    [{"width": 360, "height": 740}, {"width": 1366, "height": 800}],
    ids=["phone", "desktop"],
)
def test_a_reported_news_page_is_taken_down_by_the_moderator(
    browser, demo_live_server, settings, viewport
):
    settings.MEKTEP_VISITOR_MIN_FILL_SECONDS = 0
    base = demo_live_server.url
    site = Site.objects.get(is_default_site=True)
    moderator = make_member(site, MODERATOR, "bakyt.moderator")
    visitor_context = browser.new_context(
        viewport=viewport, is_mobile=viewport["width"] < 500, locale="ky-KG"
    )
    visitor = visitor_context.new_page()
    try:
        visitor.goto(base + ARTICLE)
        visitor.get_by_role("link", name="Катаны же зыяндуу мазмунду билдирүү").click()
        visitor.wait_for_url("**/ky/report/?page=*")
        assert fits_the_screen(visitor, viewport)
        honeypot = visitor.locator("input[name=website]").bounding_box()
        assert honeypot is None or honeypot["x"] + honeypot["width"] <= 0
        shot(visitor, "report-form", viewport)

        visitor.fill("#id_comment", COMMENT)
        visitor.get_by_role("button", name="Билдирүүнү жөнөтүү").click()
        problems = visitor.locator(".form-problems")
        problems.wait_for()
        assert "Бетте эмне туура эмес экенин тандаңыз." in problems.inner_text()
        assert visitor.input_value("#id_comment") == COMMENT
        assert fits_the_screen(visitor, viewport)
        shot(visitor, "report-form-error", viewport)

        visitor.get_by_label("Туура эмес маалымат").check()
        visitor.get_by_role("button", name="Билдирүүнү жөнөтүү").click()
        visitor.wait_for_url("**/ky/report/thanks/?page=*")
        assert "Билдирүүңүз үчүн рахмат" in visitor.locator("h1").inner_text()
        shot(visitor, "report-thanks", viewport)
        assert PageReport.objects.get().comment == COMMENT

        with admin_page(browser, base, moderator, viewport) as admin:
            admin.goto(base + "/admin/moderation/")
            entry = admin.locator(".page-report").first
            entry.wait_for()
            assert "Туура эмес маалымат: 1" in entry.inner_text()
            assert COMMENT in entry.inner_text()
            assert fits_the_screen(admin, viewport)
            entry.scroll_into_view_if_needed()
            shot(admin, "report-queue", viewport)
            entry.get_by_label("Бет эмне үчүн алынып жатат (милдеттүү)").fill(
                "Дата туура эмес, редактор оңдогончо алынды."
            )
            with admin.expect_navigation():  # the queue posts back to itself
                entry.get_by_role("button", name="Бетти сайттан алуу").click()
            assert "сайттан алынды" in admin.locator(".messages").inner_text()

        article = Page.objects.get(slug="school-year-begins")
        assert not article.live
        response = visitor.goto(base + ARTICLE)
        assert response.status == 404
    finally:
        visitor_context.close()


@pytest.fixture
def axe_path():
    if not AXE.exists():
        pytest.skip(f"no {AXE}: run `npm ci` (needs Node.js) to install axe-core")
    return str(AXE)


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_the_report_pages_pass_axe(browser, demo_live_server, settings, axe_path, lang):
    settings.MEKTEP_VISITOR_MIN_FILL_SECONDS = 0
    article = Page.objects.get(slug="school-year-begins")
    context = browser.new_context(locale="ky-KG", bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(f"{demo_live_server.url}/{lang}/report/?page={article.pk}")
        found = {"form": violations(page, axe_path)}
        page.locator("button[type=submit]").last.click()
        page.locator(".form-problems").wait_for()
        found["error"] = violations(page, axe_path)
        page.locator("input[name=reason]").first.check()
        page.locator("button[type=submit]").last.click()
        page.wait_for_url("**/report/thanks/**")
        found["thanks"] = violations(page, axe_path)
        page.goto(f"{demo_live_server.url}/{lang}/report/?page=0")
        found["not reportable"] = violations(page, axe_path)
    finally:
        context.close()
    assert {name: v for name, v in found.items() if v} == {}
