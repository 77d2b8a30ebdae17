"""The school profile and the announcements as the director sees them in a real browser, on a
phone and on a desktop. Screenshots at 360 px and 1366 px go to var/screenshots/ to be looked at."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from accounts.roles import DIRECTOR
from cms_pages.models import SchoolProfile
from tests.browser.admin_session import admin_page
from tests.browser.screens import SCREENSHOTS
from tests.cms_pages.public_site import announce
from tests.people import make_member

pytestmark = pytest.mark.browser

VIEWPORTS = [{"width": 360, "height": 740}, {"width": 1366, "height": 800}]


def test_the_director_finds_the_profile_and_the_announcements(browser, demo_live_server):
    site = Page.objects.get(depth=2).get_site()
    director = make_member(site, DIRECTOR, "director.person")
    announce(site, "Эртең суу болбойт.", "Завтра не будет воды.")
    profile = SchoolProfile.for_site(site)
    edit = reverse("wagtailsnippets_cms_pages_schoolprofile:edit", args=[profile.pk])
    listing = reverse("wagtailsnippets_cms_pages_sitealert:list")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for viewport in VIEWPORTS:
        width = viewport["width"]
        with admin_page(browser, demo_live_server.url, director, viewport, "ru-RU") as page:
            page.goto(demo_live_server.url + edit)
            assert page.locator("input[name=full_name_ru]").input_value().startswith("Средняя")
            assert page.locator("input[name=disclosure_review_days]").is_enabled()
            assert page.get_by_text("Ответственный за сайт", exact=True).first.is_visible()
            assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
            # The school's long name wraps inside the heading instead of being cut off.
            assert page.evaluate(
                "[...document.querySelectorAll('.w-h1')]"
                ".every(heading => heading.scrollWidth <= heading.clientWidth + 1)"
            )
            page.screenshot(path=str(SCREENSHOTS / f"school-profile-{width}.png"), full_page=True)
            # The field itself, not the heading's copy in the side minimap: scrolling to that
            # would shift the form sideways.
            page.locator("input[name=responsible_name_ru]").scroll_into_view_if_needed()
            page.screenshot(path=str(SCREENSHOTS / f"school-profile-responsible-{width}.png"))

            page.goto(demo_live_server.url + listing)
            assert page.get_by_text("Завтра не будет воды.").first.is_visible()
            headings = [text.strip() for text in page.locator("thead th").all_inner_texts()]
            assert "Состояние" in headings, headings
            assert "[по умолчанию]" not in page.content()
            assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
            page.screenshot(path=str(SCREENSHOTS / f"announcements-{width}.png"), full_page=True)
