import re

import pytest

pytestmark = pytest.mark.browser


def test_a_parent_opens_the_site_and_switches_language(page, demo_live_server):
    page.goto(demo_live_server.url + "/")
    assert page.url.endswith("/ky/")
    assert page.locator("html").get_attribute("lang") == "ky"
    assert page.locator("h1").inner_text() == "«Ала-Тоо» жалпы орто билим берүүчү мектеби"

    page.get_by_role("link", name="Русский").click()
    page.wait_for_url(re.compile(r"/ru/$"))
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").inner_text() == "Средняя общеобразовательная школа «Ала-Тоо»"
    # On the home page's contacts and in the footer.
    phone = page.get_by_role("link", name="+996 3133 2-14-56")
    assert phone.count() == 2 and phone.first.is_visible()


def test_home_page_fits_a_360_pixel_phone_without_sideways_scrolling(phone_page, demo_live_server):
    phone_page.goto(demo_live_server.url + "/ru/")
    scroll_width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 360
    assert phone_page.locator("h1").is_visible()
