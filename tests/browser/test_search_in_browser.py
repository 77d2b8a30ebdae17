"""A parent searches with what people really type, quotes and stray characters included: the
search page answers, keeps the query in the box and says what it found. Screenshots at 360 px
and 1366 px go to var/screenshots/ to be looked at."""

from urllib.parse import quote

import pytest

from tests.browser.screens import SCREENSHOTS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "viewport",
    [{"width": 360, "height": 740}, {"width": 1366, "height": 800}],
    ids=["phone", "desktop"],
)
def test_a_search_with_quotes_answers_and_keeps_the_query(browser, demo_live_server, viewport):
    context = browser.new_context(viewport=viewport, locale="ru-RU")
    page = context.new_page()
    try:
        for query, found in (('"', False), ('"библиотека"', True)):
            response = page.goto(f"{demo_live_server.url}/ru/search/?q={quote(query)}")
            assert response.status == 200
            status = page.locator("main [role=status]").first
            assert ("ничего не найдено" in status.inner_text()) is not found
            assert page.locator("input[name=q]").first.input_value() == query
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"] + 1
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            name = "found" if found else "nothing"
            page.screenshot(path=str(SCREENSHOTS / f"search-{name}-{viewport['width']}.png"))
    finally:
        context.close()


@pytest.mark.parametrize(
    "viewport",
    [{"width": 360, "height": 740}, {"width": 1366, "height": 800}],
    ids=["phone", "desktop"],
)
def test_a_parent_finds_a_teacher_and_the_charter_with_their_sections(
    browser, demo_live_server, viewport
):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        searches = (
            ("ru", "Асанова", "Педагогический состав", "asanova"),
            ("ky", "уставын", "Документтер", "ustavyn"),
        )
        for language, query, title, name in searches:
            page.goto(f"{demo_live_server.url}/{language}/search/?q={quote(query)}")
            first = page.locator("main .search-results > li").first
            assert first.locator("a").inner_text() == title
            assert "›" in first.locator(".search-result-section").inner_text()
            assert first.locator("mark").count() == 1
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"] + 1
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            path = SCREENSHOTS / f"search-{name}-{viewport['width']}.png"
            page.screenshot(path=str(path), full_page=True)
    finally:
        context.close()
