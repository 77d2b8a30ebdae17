"""What a parent does on the site, written once and walked on the live site, on a phone and on
the static export."""

import re

ARTICLE_RU = "Победители олимпиады по математике"
ARTICLE_KY = "Математика боюнча олимпиаданын жеңүүчүлөрү"


def assert_fits_the_screen(page):
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def parent_reads_the_news_and_switches_language(page, home_url):
    """Home (Russian) -> news -> an article -> Kyrgyz -> back to the Russian article."""
    page.goto(home_url)
    assert page.locator("html").get_attribute("lang") == "ru"
    assert_fits_the_screen(page)

    page.get_by_role("link", name="Новости", exact=True).first.click()
    page.wait_for_url(re.compile(r"/ru/news/(index\.html)?$"))
    assert page.locator("h1").inner_text() == "Новости"
    assert_fits_the_screen(page)

    page.get_by_role("link", name=ARTICLE_RU).click()
    page.wait_for_url(re.compile(r"/ru/news/olympiad-winners/(index\.html)?$"))
    assert page.locator("h1").inner_text() == ARTICLE_RU
    assert page.locator("article img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert_fits_the_screen(page)

    page.get_by_role("link", name="Кыргызча").click()
    page.wait_for_url(re.compile(r"/ky/news/olympiad-winners/(index\.html)?$"))
    assert page.locator("html").get_attribute("lang") == "ky"
    assert page.locator("h1").inner_text() == ARTICLE_KY

    page.go_back()
    page.wait_for_url(re.compile(r"/ru/news/olympiad-winners/(index\.html)?$"))
    assert page.locator("h1").inner_text() == ARTICLE_RU
