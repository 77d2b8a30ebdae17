"""The twelve disclosure subsections on a 360 px phone and on a desktop, in both languages
(issue 14): nothing wider than the screen (record tables turn into cards on a phone), the
subsections listed with the current one marked. Screenshots go to var/screenshots/."""

import pytest

from cms_pages.models import SECTION_PAGE_TYPES
from tests.browser.screens import HEADER_BLUE, SCREENSHOTS, VIEWPORTS

pytestmark = pytest.mark.browser

SLUGS = [model.fixed_slug for model in SECTION_PAGE_TYPES]


@pytest.mark.parametrize("device", VIEWPORTS)
def test_every_subsection_fits_and_marks_where_the_visitor_is(browser, demo_live_server, device):
    viewport = VIEWPORTS[device]
    context = browser.new_context(viewport=viewport, locale="ru-RU")
    page = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        for lang in ("ky", "ru"):
            for slug in SLUGS:
                page.goto(f"{demo_live_server.url}/{lang}/sveden/{slug}/")
                where = f"{lang}/{slug} at {viewport['width']} px"
                # The site's stylesheet and the section's own, both loaded.
                sheets = page.evaluate(
                    "[...document.styleSheets]"
                    ".map(s => [s.href.split('/').pop(), s.cssRules.length])"
                )
                assert [name for name, _rules in sheets] == ["site.css", "sections.css"]
                assert all(rules > 10 for _name, rules in sheets), sheets
                width = page.evaluate("document.documentElement.scrollWidth")
                if lang == "ky" or width > viewport["width"]:
                    page.screenshot(
                        path=str(SCREENSHOTS / f"sveden-{slug}-ky-{viewport['width']}.png"),
                        full_page=True,
                    )
                assert width <= viewport["width"], where
                # A table fits its column too, not only the screen.
                assert page.evaluate(
                    "[...document.querySelectorAll('main table')].every("
                    "t => t.getBoundingClientRect().right"
                    " <= t.parentElement.getBoundingClientRect().right + 1)"
                ), where
                links = page.locator(".section-nav a")
                assert links.count() == len(SLUGS), where
                current = page.locator(".section-nav a[aria-current=page]")
                assert current.count() == 1 and current.get_attribute("href").endswith(
                    f"/{lang}/sveden/{slug}/"
                ), where
                background = current.evaluate("a => getComputedStyle(a).backgroundColor")
                assert background == HEADER_BLUE, where
                nav = page.locator(".section-nav").bounding_box()
                content = page.locator(".disclosure__content").bounding_box()
                if device == "desktop":  # at the side
                    assert nav["x"] + nav["width"] <= content["x"], where
                else:  # above
                    assert nav["y"] + nav["height"] <= content["y"], where
                if lang == "ru":
                    page.screenshot(
                        path=str(SCREENSHOTS / f"sveden-{slug}-{viewport['width']}.png"),
                        full_page=True,
                    )
        # On a phone the documents table is a list of cards, each value with its label.
        page.goto(f"{demo_live_server.url}/ru/sveden/document/")
        cell = page.locator(".records-table td").first
        display = cell.evaluate("td => getComputedStyle(td).display")
        label = cell.evaluate("td => getComputedStyle(td, '::before').content")
        if device == "phone":
            assert display == "block" and label == '"Документ"'
        else:
            assert display == "table-cell" and label == "none"
    finally:
        context.close()


def test_a_printed_subsection_shows_the_content_without_menus(browser, demo_live_server):
    context = browser.new_context(locale="ru-RU")
    page = context.new_page()
    try:
        page.goto(f"{demo_live_server.url}/ru/sveden/document/")
        page.emulate_media(media="print")
        for hidden in (".section-nav", ".site-header__nav", ".display-switch", ".breadcrumbs"):
            assert not page.locator(hidden).is_visible(), hidden
        assert page.locator("h1").inner_text() == "Документы"
        link = page.locator(".disclosure__content a[href*='/documents/']").first
        printed = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert link.get_attribute("href") in printed
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(SCREENSHOTS / "sveden-document-print.pdf"), format="A4")
        page.screenshot(path=str(SCREENSHOTS / "sveden-document-print.png"), full_page=True)
    finally:
        context.close()
