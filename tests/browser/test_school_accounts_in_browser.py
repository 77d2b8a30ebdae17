"""The school-accounts screen in a real browser, as the site administrator and the director see
it: the site administrator may give only the editor's and the moderator's role, the director
every role. Screenshots at 360 px and 1366 px go to var/screenshots/ to be looked at."""

import pytest
from wagtail.models import Page

from accounts.roles import DIRECTOR, SITE_ADMIN
from tests.browser.admin_session import admin_page
from tests.browser.screens import SCREENSHOTS
from tests.people import make_member

pytestmark = pytest.mark.browser

VIEWPORTS = [{"width": 360, "height": 740}, {"width": 1366, "height": 800}]


@pytest.mark.parametrize(
    ("role_key", "offered"),
    [
        (SITE_ADMIN, ["Редактор", "Модератор контента"]),
        (DIRECTOR, ["Редактор", "Администратор сайта", "Модератор контента", "Директор"]),
    ],
    ids=["site-admin", "director"],
)
def test_the_roles_offered_when_adding_an_account(browser, demo_live_server, role_key, offered):
    site = Page.objects.get(depth=2).get_site()
    person = make_member(site, role_key, f"{role_key}.person")
    for viewport in VIEWPORTS:
        with admin_page(browser, demo_live_server.url, person, viewport, "ru-RU") as page:
            page.goto(f"{demo_live_server.url}/admin/school-accounts/{site.pk}/add/")
            labels = page.locator("input[name=roles]").evaluate_all(
                "inputs => inputs.map(i => i.closest('label').innerText.trim())"
            )
            assert labels == offered
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"] + 1, "the form must not scroll sideways"
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(
                path=str(SCREENSHOTS / f"add-account-{role_key}-{viewport['width']}.png"),
                full_page=True,
            )


def test_account_events_of_one_school_at_a_time(browser, demo_live_server):
    """A site administrator of two schools reads each school's account events separately."""
    from cms_pages.provisioning import SchoolNames, create_school
    from tests.people import make_member as member

    site = Page.objects.get(depth=2).get_site()
    other = create_school(
        "mektep2.test", SchoolNames(full_ky="Экинчи мектеп", full_ru="Вторая школа")
    )
    person = make_member(site, SITE_ADMIN, "two.schools")
    person.groups.add(*member(other, SITE_ADMIN, "other.admin").groups.all())
    for viewport in VIEWPORTS:
        with admin_page(browser, demo_live_server.url, person, viewport, "ru-RU") as page:
            page.goto(demo_live_server.url + "/admin/reports/account-events/")
            options = page.locator("#account-events-school option").all_inner_texts()
            assert len(options) == 2
            assert page.locator("tr.account-event").count() >= 1
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"] + 1, "the report must not scroll sideways"
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(
                path=str(SCREENSHOTS / f"account-events-{viewport['width']}.png"), full_page=True
            )
            # Nothing cut off: the table scrolls in its own box, the header fits.
            clipped = page.evaluate(
                "[...document.querySelectorAll('main h1, main h2, table')].filter("
                "e => e.getBoundingClientRect().right > window.innerWidth"
                " && !e.closest('.mektep-table-scroll')).length"
            )
            assert clipped == 0
