"""The content moderator's screens in a real browser: the moderation queue with the flagged
words marked and the reasons in the moderator's language, and the rule statistics, on a phone
and a desktop. Screenshots go to var/screenshots/ to be looked at."""

import pytest
from wagtail.models import Page

from accounts.roles import EDITOR, MODERATOR
from tests.browser.admin_session import admin_page
from tests.browser.screens import SCREENSHOTS
from tests.people import make_member

pytestmark = pytest.mark.browser

# A phone that is not among the school's own: flagged for a moderator, not rejected.
FLAGGED_KY = "Кабыл алуу боюнча +996 3133 2-99-99 номерине чалыңыз."
FLAGGED_RU = "По вопросам приёма звоните по номеру +996 3133 2-99-99."


@pytest.mark.parametrize(
    "viewport",
    [{"width": 360, "height": 740}, {"width": 1366, "height": 800}],
    ids=["phone", "desktop"],
)
def test_the_moderator_reads_the_queue_and_the_rule_statistics(browser, demo_live_server, viewport):
    site = Page.objects.get(depth=2).get_site()
    editor = make_member(site, EDITOR, "aigul.editor")
    moderator = make_member(site, MODERATOR, "bakyt.moderator")
    home = Page.objects.get(pk=site.root_page_id).specific
    home.introduction_ky = FLAGGED_KY
    home.introduction_ru = FLAGGED_RU
    home.save_revision(user=editor)
    home.get_workflow().start(home, editor)

    with admin_page(browser, demo_live_server.url, moderator, viewport) as page:
        page.goto(demo_live_server.url + "/admin/moderation/")
        item = page.locator(".moderation-item").first
        item.wait_for()
        text = item.inner_text()
        assert "Мектептин маалыматтарынан айырмаланат" in text  # the category, in Kyrgyz
        assert item.locator("mark").first.inner_text().strip().endswith("2-99-99")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"] + 1, "the queue must not scroll sideways"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"moderation-queue-{viewport['width']}.png"))

        item.locator("textarea").fill("Телефон мектептин номери эмес, оңдоңуз.")
        # The queue posts back to itself: wait for that navigation, not for an address the
        # page already has.
        with page.expect_navigation():
            item.get_by_role("button", name="Өзгөртүүлөрдү суроо").click()

        page.goto(demo_live_server.url + "/admin/moderation/rules/")
        table = page.locator("table").first
        table.wait_for()
        assert "discrepancy" in table.inner_text()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"] + 1, "wide tables scroll in their own box"
        page.screenshot(path=str(SCREENSHOTS / f"rule-statistics-{viewport['width']}.png"))
