"""Issue 15 in a real browser: two-step verification's enrolment and sign-in pages are drawn
once (the admin's background requests used to be redirected to them and drawn inside them), the
key for typing by hand is shown in groups of four, and a director who signs in lands on the
dashboard, in Kyrgyz. Screenshots at 360 and 1366 px go to var/screenshots/."""

import base64
import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Site

from accounts.roles import DIRECTOR, SITE_ADMIN
from tests.browser.screens import SCREENSHOTS, VIEWPORTS
from tests.people import PASSWORD, current_code, make_member

pytestmark = pytest.mark.browser


def password_step(page, base, user):
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/two-factor/**")
    # Let the admin's own scripts make their background requests, as they would for a person.
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)


def drawn_once(page, heading: str) -> None:
    assert page.locator("h1", has_text=heading).count() == 1
    # Nothing a refused background request answered is drawn either: before the heading there
    # is only the skip link.
    before = page.locator("body").inner_text().split(heading)[0]
    assert before.strip() in ("", "Негизги мазмунга өтүү"), before
    assert page.locator("form input[name=token]").count() == 1
    assert "<svg" not in page.locator("main").inner_text()


@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_enrolment_and_sign_in_are_each_one_page(browser, demo_live_server, screen):
    site = Site.objects.get(is_default_site=True)
    base = demo_live_server.url
    context = browser.new_context(viewport=VIEWPORTS[screen], locale="ky-KG")
    page = context.new_page()
    try:
        admin = make_member(site, SITE_ADMIN, f"enrol-{screen}")
        password_step(page, base, admin)
        assert "/admin/two-factor/enrol/" in page.url
        drawn_once(page, "Эки баскычтуу текшерүүнү күйгүзүү")
        key = page.locator("code.secret-key").inner_text()
        assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})+", key)
        assert page.locator("code.secret-key").evaluate(
            "code => code.scrollWidth <= code.parentElement.clientWidth + 1"
        )
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"two-factor-enrol-{screen}.png"), full_page=True)
        device = TOTPDevice.objects.get(user=admin, confirmed=False)
        assert base64.b32encode(device.bin_key).decode().rstrip("=") == key.replace(" ", "")
        page.fill("input[name=token]", current_code(device))
        page.locator("form button[type=submit]").first.click()
        page.wait_for_load_state()
        assert page.locator("li code").count() == 10  # the recovery codes, once

        context.clear_cookies()
        director = make_member(site, DIRECTOR, f"director-2fa-{screen}")
        device = TOTPDevice.objects.create(user=director, name="phone", confirmed=True)
        password_step(page, base, director)
        drawn_once(page, "Эки баскычтуу текшерүү")
        page.screenshot(path=str(SCREENSHOTS / f"two-factor-verify-{screen}.png"), full_page=True)
        page.fill("input[name=token]", current_code(device))
        page.locator("form button[type=submit]").first.click()
        page.wait_for_url(lambda url: "/two-factor/" not in url)
        assert page.url.rstrip("/").endswith("/admin")
        assert page.locator("html").get_attribute("lang") == "ky"
    finally:
        page.goto("about:blank")
        context.close()
