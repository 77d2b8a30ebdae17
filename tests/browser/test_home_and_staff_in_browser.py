"""A parent on a phone (issue 14): the home page's photo, quick links, news cards, events and
contacts fit a 360 px screen; from the home page the places per grade and a mathematics teacher
are each under four taps away. Screenshots of the home and staff pages at both widths go to
var/screenshots/ for a reviewer to look at."""

import pytest

from tests.browser.screens import SCREENSHOTS, VIEWPORTS, assert_styled_and_fitting

pytestmark = pytest.mark.browser

LOCALES = {"ky": "ky-KG", "ru": "ru-RU"}
# What the parent taps and what they look for, per language.
JOURNEYS = {
    "ky": {
        "admission": "Кабыл алуу",
        "teachers": "Мугалимдер",
        "maths": "Математика жана информатика",
    },
    "ru": {"admission": "Приём", "teachers": "Учителя", "maths": "Математика и информатика"},
}


def open_page(browser, url, viewport, lang):
    context = browser.new_context(viewport=viewport, locale=LOCALES[lang])
    page = context.new_page()
    page.goto(url)
    return context, page


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 40) <= height


@pytest.mark.parametrize("lang", ["ky", "ru"])
@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_the_home_page_shows_photo_quick_links_news_events_and_contacts(
    browser, demo_live_server, lang, screen
):
    viewport = VIEWPORTS[screen]
    context, page = open_page(browser, f"{demo_live_server.url}/{lang}/", viewport, lang)
    try:
        shot(page, f"home-{screen}-{lang}")
        assert_styled_and_fitting(page, viewport)
        photo = page.locator(".home-photo img")
        assert photo.evaluate("image => image.complete && image.naturalWidth > 0")
        # The browser picked a WebP rendition no wider than it needs.
        chosen = photo.evaluate("image => image.currentSrc")
        assert chosen.endswith(".webp")
        # Quick links: big enough to tap, all visible on the first screen of a phone too.
        links = page.locator(".quick-links a")
        assert links.count() == 6
        for number in range(links.count()):
            box = links.nth(number).bounding_box()
            assert box["height"] >= 44 and box["width"] >= 120, box
        assert in_view(page, links.nth(links.count() - 1)) or screen == "desktop"
        assert page.locator(".news-tile").count() == 3
        assert page.locator(".event-card").count() == 3
        assert page.locator('.home-contacts a[href^="tel:"]').count() == 2
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_a_parent_finds_the_places_per_grade_in_one_tap(browser, demo_live_server, lang):
    context, page = open_page(browser, f"{demo_live_server.url}/{lang}/", VIEWPORTS["phone"], lang)
    try:
        page.locator(".quick-links a", has_text=JOURNEYS[lang]["admission"]).click()  # tap 1
        page.wait_for_load_state()
        assert page.url.endswith(f"/{lang}/sveden/vacant/")
        places = page.locator('tr[itemprop="vacant"]')
        assert places.count() == 5  # the demo school's grades with places
        first = places.first
        first.scroll_into_view_if_needed()
        assert first.locator('[itemprop="numberVacant"]').is_visible()
        assert_styled_and_fitting(page, VIEWPORTS["phone"])
        shot(page, f"journey-admission-phone-{lang}")
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ky", "ru"])
@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_a_parent_finds_a_mathematics_teacher_in_two_taps(browser, demo_live_server, lang, screen):
    viewport = VIEWPORTS[screen]
    context, page = open_page(browser, f"{demo_live_server.url}/{lang}/", viewport, lang)
    try:
        page.locator(".quick-links a", has_text=JOURNEYS[lang]["teachers"]).click()  # tap 1
        page.wait_for_load_state()
        assert page.url.endswith(f"/{lang}/sveden/employees/")
        assert_styled_and_fitting(page, viewport)
        shot(page, f"staff-{screen}-{lang}")
        page.locator(".staff-index a", has_text=JOURNEYS[lang]["maths"]).click()  # tap 2
        teacher = page.locator(".staff-group h3", has_text="Жумабеков")
        assert in_view(page, teacher), teacher.bounding_box()
        group = teacher.locator("xpath=ancestor::section[1]")
        assert JOURNEYS[lang]["maths"] in group.locator("h2").inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ky", "ru"])
@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_a_wide_table_is_a_card_per_row_on_a_phone_and_a_table_on_a_desktop(
    browser, demo_live_server, lang, screen
):
    viewport = VIEWPORTS[screen]
    context, page = open_page(browser, f"{demo_live_server.url}/{lang}/parents/", viewport, lang)
    try:
        assert_styled_and_fitting(page, viewport)
        cell = page.locator(".table-scroll--stacking td").nth(4)
        shown = cell.evaluate("cell => getComputedStyle(cell).display")
        label = cell.evaluate("cell => getComputedStyle(cell, '::before').content")
        if screen == "phone":
            assert shown == "block" and label.strip('"') in ("Жетекчиси", "Руководитель")
        else:
            assert shown == "table-cell" and label in ("none", "normal")
        # The region scrolls nothing: the table fits its column either way.
        region = page.locator(".table-scroll--stacking")
        assert region.evaluate("box => box.scrollWidth <= box.clientWidth")
        shot(page, f"parents-{screen}-{lang}")
    finally:
        context.close()
