"""An editor uploads a file that is not what its name says, in a real browser: the admin's form
shows the reason in the editor's language, and nothing is stored. Screenshots at 360 px and
1366 px go to var/screenshots/ to be looked at."""

import io
import zipfile

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Page

from accounts.roles import EDITOR
from tests.browser.admin_session import admin_page
from tests.browser.screens import SCREENSHOTS
from tests.people import make_member

pytestmark = pytest.mark.browser


def fake_docx() -> bytes:
    """A ZIP with a `word/` folder and nothing Word would recognise."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "not xml at all")
        archive.writestr("word/readme.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "viewport",
    [{"width": 360, "height": 740}, {"width": 1366, "height": 800}],
    ids=["phone", "desktop"],
)
def test_a_renamed_file_is_refused_with_a_reason(browser, demo_live_server, viewport, tmp_path):
    site = Page.objects.get(depth=2).get_site()
    editor = make_member(site, EDITOR, "aigul.editor")
    upload = tmp_path / "buyruk.docx"
    upload.write_bytes(fake_docx())
    with admin_page(browser, demo_live_server.url, editor, viewport) as page:
        page.goto(demo_live_server.url + "/admin/documents/add/")
        page.fill("input[name=title]", "Буйрук")
        page.set_input_files("input[name=file]", str(upload))
        page.locator("form button[type=submit]").last.click()
        page.wait_for_load_state()
        error = page.locator(".error-message").first
        error.wait_for()
        assert "Word" in error.inner_text()
        assert page.input_value("input[name=title]") == "Буйрук", "the typed title is kept"
        assert not get_document_model().objects.filter(title="Буйрук").exists()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"] + 1
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=str(SCREENSHOTS / f"upload-refused-{viewport['width']}.png"), full_page=True
        )
