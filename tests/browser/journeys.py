"""What a parent does on the site, written once and walked on the live site, on a phone and on
the static export."""

import re
from urllib.parse import urljoin

ARTICLE_RU = "Победители олимпиады по математике"
ARTICLE_KY = "Математика боюнча олимпиаданын жеңүүчүлөрү"


def assert_fits_the_screen(page):
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


IMAGE_SHOWN = """img => {
    const shown = () => img.complete && img.naturalWidth > 0;
    if (img.complete) return shown();
    return new Promise(resolve => {
        img.addEventListener("load", () => resolve(shown()));
        img.addEventListener("error", () => resolve(false));
        setTimeout(() => resolve(shown()), 10000);
    });
}"""


def assert_image_shown(image):
    """The image is decoded and has pixels. A lazy image loads only once it is near the screen,
    which can be after the page's load event, so bring it there and wait for it (at most 10 s)."""
    image.scroll_into_view_if_needed()
    assert image.evaluate(IMAGE_SHOWN), "the image did not load"


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
    assert_image_shown(page.locator("article img"))
    assert_fits_the_screen(page)

    page.get_by_role("link", name="Кыргызча").click()
    page.wait_for_url(re.compile(r"/ky/news/olympiad-winners/(index\.html)?$"))
    assert page.locator("html").get_attribute("lang") == "ky"
    assert page.locator("h1").inner_text() == ARTICLE_KY

    page.go_back()
    page.wait_for_url(re.compile(r"/ru/news/olympiad-winners/(index\.html)?$"))
    assert page.locator("h1").inner_text() == ARTICLE_RU


def parent_checks_the_teachers_and_opens_a_document(page, home_url):
    """Home (Russian) -> school information -> teaching staff -> Kyrgyz -> documents -> charter."""
    page.goto(home_url)
    page.get_by_role("link", name="Сведения об образовательной организации").first.click()
    page.wait_for_url(re.compile(r"/ru/sveden/(index\.html)?$"))
    assert_fits_the_screen(page)

    page.get_by_role("link", name="Педагогический состав").first.click()
    page.wait_for_url(re.compile(r"/ru/sveden/employees/(index\.html)?$"))
    assert page.locator("h1").inner_text() == "Педагогический состав"
    assert page.get_by_text("Асанова Гульнара Токтогуловна").first.is_visible()
    assert page.locator('[itemprop="teachingStaff"]').count() >= 10
    assert_fits_the_screen(page)

    page.get_by_role("link", name="Кыргызча").click()
    page.wait_for_url(re.compile(r"/ky/sveden/employees/(index\.html)?$"))
    assert page.locator("h1").inner_text() == "Педагогикалык курам"
    assert page.get_by_text("Асанова Гүлнара Токтогул кызы").first.is_visible()

    page.get_by_role("link", name="Документтер").first.click()
    page.wait_for_url(re.compile(r"/ky/sveden/document/(index\.html)?$"))
    charter = page.locator("tr", has_text="Мектептин уставы").get_by_role("link").first
    response = page.request.get(urljoin(page.url, charter.get_attribute("href")))
    assert response.ok
    assert response.body().startswith(b"%PDF")
