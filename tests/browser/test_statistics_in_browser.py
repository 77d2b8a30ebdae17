"""The director reads the school's usage statistics on a phone and a laptop: people's views
(a revisit the browser is told is unchanged among them; not the headless browser's own, which
says it is a program) and a search that found nothing, as a
chart, a table behind "as a table" and the most read pages. Screenshots at 360 px and 1366 px go
to var/screenshots/ to be looked at."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site

from accounts.roles import DIRECTOR
from tests.browser.admin_session import admin_page
from tests.browser.journeys import assert_fits_the_screen
from tests.browser.screens import DESKTOP, PHONE, SCREENSHOTS
from tests.people import make_member

pytestmark = pytest.mark.browser

PERSON = (
    "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Mobile Safari/537.36"
)


def read_the_site(browser, base_url, user_agent=None):
    context = browser.new_context(viewport=PHONE, locale="ky-KG", user_agent=user_agent)
    page = context.new_page()
    try:
        for path in ("/ky/", "/ky/", "/ru/sveden/employees/", "/ru/search/?q=бассейн+жок"):
            page.goto(base_url + path)
    finally:
        context.close()


def test_the_director_reads_the_figures_on_a_phone_and_a_laptop(browser, demo_live_server):
    site = Site.objects.get(is_default_site=True)
    director = make_member(site, DIRECTOR, "director.reads")
    read_the_site(browser, demo_live_server.url, PERSON)
    read_the_site(browser, demo_live_server.url)  # HeadlessChrome: a program, not counted
    call_command("flush_page_views", stdout=io.StringIO())

    for viewport in (PHONE, DESKTOP):
        with admin_page(browser, demo_live_server.url, director, viewport) as page:
            page.goto(demo_live_server.url + reverse("accounts_statistics"))
            assert page.locator("h1").inner_text().strip() == "Статистика"
            # Home twice (the second a 304) and the staff page.
            assert page.locator("[data-figure=views]").inner_text() == "3"
            assert page.locator("[data-figure=visitors]").inner_text() == "1"
            assert page.locator("svg[role=img] rect").count() == 30
            assert page.locator("#top-pages tbody tr").count() == 2
            assert "бассейн жок" in page.locator("#empty-searches").inner_text()
            assert_fits_the_screen(page)
            page.locator("details.mektep-statistics__table summary").click()
            assert page.locator("#views-by-day").is_visible()
            assert_fits_the_screen(page)
            # The admin scrolls inside its own frame: a tall window shows the whole screen.
            page.set_viewport_size({"width": viewport["width"], "height": 3200})
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            name = f"statistics-{viewport['width']}.png"
            page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
