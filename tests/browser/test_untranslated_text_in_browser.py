"""A Russian article whose Russian text is missing, read on a phone and a desktop: the Kyrgyz
text is shown with the note "not yet translated" beside the title and above the body, and the
page does not scroll sideways. Screenshots go to var/screenshots/ to be looked at."""

import pytest

from cms_pages.models import NewsPage
from tests.browser.screens import SCREENSHOTS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "viewport",
    [{"width": 360, "height": 740}, {"width": 1366, "height": 800}],
    ids=["phone", "desktop"],
)
def test_a_russian_reader_sees_which_text_is_not_translated(browser, demo_live_server, viewport):
    article = NewsPage.objects.get(slug="fire-drill")
    NewsPage.objects.filter(pk=article.pk).update(title_ru="", body_ru="")
    context = browser.new_context(viewport=viewport, locale="ru-RU")
    page = context.new_page()
    try:
        page.goto(demo_live_server.url + "/ru/news/fire-drill/")
        heading = page.locator("h1")
        assert heading.locator("[lang=ky]").inner_text() == article.title_ky
        assert "(ещё не переведено на русский)" in heading.inner_text()
        notice = page.get_by_text("Этот текст ещё не переведён на русский язык.")
        assert notice.is_visible()
        assert page.locator("div.untranslated[lang=ky] .rich-text").is_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"] + 1, "the page must not scroll sideways"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=str(SCREENSHOTS / f"untranslated-article-{viewport['width']}.png"), full_page=True
        )
    finally:
        context.close()
