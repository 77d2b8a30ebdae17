"""The header on a 360 px phone and on a desktop (issue 14): compact, its menu visible and
legible, opening and closing without JavaScript, the languages and the visually-impaired switch
at hand. Screenshots go to var/screenshots/ for a reviewer to look at."""

import pytest

from tests.browser.screens import (
    DESKTOP,
    PHONE,
    SCREENSHOTS,
    assert_styled_and_fitting,
)

pytestmark = pytest.mark.browser

BOTH_LANGUAGES = pytest.mark.parametrize(("lang", "locale"), [("ky", "ky-KG"), ("ru", "ru-RU")])

# The colour of each menu link against the first ancestor that paints a background.
CONTRASTS = """
() => {
  const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const c = [r, g, b].map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const colour = rgb(getComputedStyle(node).backgroundColor);
      if (colour.length === 3 || (colour.length === 4 && colour[3] > 0)) return colour.slice(0, 3);
    }
    return [255, 255, 255];
  };
  return [...document.querySelectorAll('.main-menu a')].map((link) => {
    const a = luminance(rgb(getComputedStyle(link).color));
    const b = luminance(background(link));
    return [link.textContent.trim(), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
  });
}
"""


def open_page(browser, url, viewport, locale="ky-KG", a11y=False):
    context = browser.new_context(viewport=viewport, locale=locale)
    page = context.new_page()
    if a11y:
        page.goto(url)
        page.locator(".display-switch button").first.click()
        page.wait_for_load_state()
    page.goto(url)
    return context, page


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def check_menu_contrast(page):
    contrasts = page.evaluate(CONTRASTS)
    assert len(contrasts) >= 5
    assert [(text, ratio) for text, ratio in contrasts if ratio < 4.5] == []


@BOTH_LANGUAGES
def test_on_a_phone_the_header_is_compact_and_its_menu_opens_and_closes(
    browser, demo_live_server, lang, locale
):
    context, page = open_page(browser, f"{demo_live_server.url}/{lang}/", PHONE, locale)
    try:
        assert_styled_and_fitting(page, PHONE)
        header = page.locator("header.site-header").bounding_box()
        assert header["height"] <= PHONE["height"] / 4, header
        # The school, the languages, the switch and the menu button are there; the menu is not.
        assert page.locator(".site-brand__name").is_visible()
        assert page.locator(".language-switcher").is_visible()
        switch = page.locator(".display-switch button")
        assert switch.is_visible() and switch.bounding_box()["width"] >= 44
        toggle = page.locator("summary.site-menu__toggle")
        assert toggle.is_visible() and toggle.inner_text().strip().endswith("Меню")
        menu_links = page.locator(".main-menu a")
        assert menu_links.count() >= 5 and not menu_links.first.is_visible()
        shot(page, f"header-closed-{lang}-360")

        toggle.click()
        for index in range(menu_links.count()):
            assert menu_links.nth(index).is_visible()
        assert page.locator(".site-header .search-form input").is_visible()
        check_menu_contrast(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        shot(page, f"header-open-{lang}-360")

        toggle.click()
        assert not menu_links.first.is_visible()
        # No script on the page did it: the public site ships none (JSON-LD is data).
        executable = "script:not([type='application/ld+json'])"
        assert page.locator(executable).count() == 0
    finally:
        context.close()


@BOTH_LANGUAGES
def test_on_a_desktop_the_whole_menu_is_shown_without_a_button(
    browser, demo_live_server, lang, locale
):
    context, page = open_page(browser, f"{demo_live_server.url}/{lang}/", DESKTOP, locale)
    try:
        assert_styled_and_fitting(page, DESKTOP)
        assert not page.locator("summary.site-menu__toggle").is_visible()
        menu_links = page.locator(".main-menu a")
        for index in range(menu_links.count()):
            assert menu_links.nth(index).is_visible()
        check_menu_contrast(page)
        assert page.locator(".display-switch__label").is_visible()
        shot(page, f"header-{lang}-1366")
        header = page.locator("header.site-header").bounding_box()
        assert header["height"] <= DESKTOP["height"] / 4, header
    finally:
        context.close()


def test_the_visually_impaired_mode_shows_the_whole_school_name_on_a_phone(
    browser, demo_live_server
):
    context, page = open_page(browser, f"{demo_live_server.url}/ky/", PHONE, a11y=True)
    try:
        assert "a11y" in (page.locator("html").get_attribute("class") or "")
        shot(page, "header-a11y-ky-360")
        assert_styled_and_fitting(page, PHONE, colour="rgb(0, 0, 0)")  # black on white
        name = page.locator(".site-brand__name")
        assert name.inner_text() == "«Ала-Тоо» жалпы орто билим берүүчү мектеби"
        box = name.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert name.evaluate("element => element.scrollWidth <= element.clientWidth")
        # The header leaves most of the first screen to the page.
        assert page.locator("header.site-header").bounding_box()["height"] <= PHONE["height"] / 2
    finally:
        context.close()
