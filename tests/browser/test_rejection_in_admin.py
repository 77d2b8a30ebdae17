"""What an editor sees in the admin after the automatic check rejected their page: a rejection at
the top of the edit page, in their language, with the words marked, on a phone and a desktop.
Screenshots go to var/screenshots/ to be looked at."""

from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page

from accounts.roles import EDITOR
from tests.people import PASSWORD, make_member

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
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

    context = browser.new_context(viewport=viewport, locale="ky-KG")
    page = context.new_page()
    try:
        page.goto(demo_live_server.url + "/admin/login/")
        page.fill("input[name=username]", editor.username)
        page.fill("input[name=password]", PASSWORD)
        page.locator("form button[type=submit]").first.click()
        page.wait_for_url("**/admin/")
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
    finally:
        # Leave the admin first and let its last background requests (the editing session's
        # release) finish, so the server is idle when the test database is emptied.
        page.goto("about:blank")
        page.wait_for_timeout(500)
        context.close()
