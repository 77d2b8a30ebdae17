import re

import pytest

from tests.cms_pages.public_site import announce

from .journeys import (
    parent_checks_the_teachers_and_opens_a_document,
    parent_reads_the_news_and_switches_language,
)

pytestmark = pytest.mark.browser


def test_a_parent_reads_an_article_and_switches_language(page, demo_live_server):
    parent_reads_the_news_and_switches_language(page, demo_live_server.url + "/ru/")


def test_the_same_journey_works_on_a_360_pixel_phone(phone_page, demo_live_server):
    parent_reads_the_news_and_switches_language(phone_page, demo_live_server.url + "/ru/")


def test_a_parent_checks_the_teachers_and_opens_the_charter(page, demo_live_server):
    parent_checks_the_teachers_and_opens_a_document(page, demo_live_server.url + "/ru/")


def test_the_teachers_journey_works_on_a_360_pixel_phone(phone_page, demo_live_server):
    parent_checks_the_teachers_and_opens_a_document(phone_page, demo_live_server.url + "/ru/")


def test_visually_impaired_mode_switches_on_without_javascript(browser, demo_live_server):
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    page = context.new_page()
    try:
        page.goto(demo_live_server.url + "/ru/news/fire-drill/")
        normal_size = page.locator("h1").evaluate("h => parseFloat(getComputedStyle(h).fontSize)")
        page.get_by_role("button", name="Версия для слабовидящих").click()
        page.wait_for_url(re.compile(r"/ru/news/fire-drill/$"))
        assert page.locator("html").get_attribute("class") == "a11y"
        large_size = page.locator("h1").evaluate("h => parseFloat(getComputedStyle(h).fontSize)")
        assert large_size >= normal_size * 1.3

        page.get_by_role("button", name="Скрыть изображения").click()
        page.wait_for_url(re.compile(r"/ru/news/fire-drill/$"))
        assert page.locator("img").count() == 0
        assert page.get_by_text("Изображение: Ученики выстроились во дворе школы").is_visible()

        page.goto(demo_live_server.url + "/ky/")
        assert page.locator("html").get_attribute("class") == "a11y no-images"
        page.get_by_role("button", name="Кадимки версия").click()
        page.wait_for_url(re.compile(r"/ky/$"))
        assert page.locator("html").get_attribute("class") is None
    finally:
        context.close()


def test_an_emergency_announcement_is_seen_on_every_page(page, demo_live_server):
    from wagtail.models import Site

    announce(Site.objects.get(is_default_site=True), "Эртең мектеп жабык.", "Завтра школа закрыта.")
    for path in ("/ru/", "/ru/news/", "/ru/events/"):
        page.goto(demo_live_server.url + path)
        banner = page.get_by_role("region", name="Объявления")
        assert banner.is_visible()
        assert "Опасность: Завтра школа закрыта." in banner.inner_text()
