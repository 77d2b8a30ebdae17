"""What an editor sees in the admin after the automatic check rejected their page: a rejection at
the top of the edit page, in their language, with the words marked, on a phone and a desktop.
Screenshots go to var/screenshots/ to be looked at."""

import pytest
from wagtail.models import Page

from accounts.roles import EDITOR
from tests.browser.admin_session import admin_page
from tests.browser.screens import SCREENSHOTS
from tests.people import make_member

pytestmark = pytest.mark.browser

VIOLENT_RU = "Давайте побьём этого учителя, пусть знает своё место."
CLEAN_KY = "Жаңы окуу жылы 2-сентябрда салтанаттуу линейка менен башталат."


def rejected_submission(site, editor):
    home = Page.objects.get(pk=site.root_page_id).specific
    home.introduction_ky = CLEAN_KY
    home.introduction_ru = VIOLENT_RU
    home.save_revision(user=editor)
    home.get_workflow().start(home, editor)
    state = home.workflow_states.get()
    assert state.status == state.STATUS_NEEDS_CHANGES
    return home


@pytest.mark.parametrize(
    "viewport",
    [{"width": 360, "height": 740}, {"width": 1366, "height": 800}],
    ids=["phone", "desktop"],
)
def test_the_editor_sees_the_rejection_at_the_top_of_the_edit_page(
    browser, demo_live_server, viewport
):
    site = Page.objects.get(depth=2).get_site()
    editor = make_member(site, EDITOR, "aigul.editor")
    home = rejected_submission(site, editor)

    with admin_page(browser, demo_live_server.url, editor, viewport) as page:
        page.goto(f"{demo_live_server.url}/admin/pages/{home.pk}/edit/")

        refusal = page.locator(".mektep-refusal").first
        refusal.wait_for()
        assert refusal.is_visible()
        text = refusal.inner_text()
        assert "Автоматтык текшерүү четке какты" in text
        assert "Зомбулук же коркутуу" in text  # the category, in the editor's language
        marked = refusal.locator("mark").first
        assert marked.inner_text() == "побьём"
        box = refusal.bounding_box()
        assert box["y"] < viewport["height"], "the rejection must be on the first screen"
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 1
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"rejection-{viewport['width']}.png"))
