"""Acceptance of issue 11's general pages: a site administrator builds "History of the school"
in the real admin (a heading, a paragraph, an uploaded image with its description and a table,
in Kyrgyz and Russian), ticks "show in menus" and submits it; the director approves it in the
admin; then the page is live, in the main menu in both languages, and passes axe and the Nu Html
Checker. Screenshots of the live page and of the edit screen at 360 and 1366 px go to
var/screenshots/."""

import io
import json
import subprocess
from pathlib import Path

import pytest
from PIL import Image as PillowImage
from wagtail.models import Site

from accounts.roles import DIRECTOR, SITE_ADMIN
from cms_pages.models import GeneralPage
from tests.browser.admin_session import admin_page
from tests.browser.journeys import assert_fits_the_screen, assert_image_shown
from tests.browser.screens import SCREENSHOTS
from tests.browser.test_accessibility_with_axe import axe_path  # noqa: F401
from tests.browser.test_accessibility_with_axe import violations as axe_findings
from tests.people import make_member

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 360, "height": 740}

CONTENT = {
    "ky": {
        "title": "Мектептин тарыхы",
        "heading": "Мектеп кантип ачылган",
        "paragraph": "Мектеп 1968-жылы Кара-Балта шаарында ачылган.",
        "description": "Мектептин эски имараты",
        "caption": "Жылдар боюнча окуучулар",
        "headings": ["Жыл", "Окуучулар", "Мугалимдер"],
        "rows": [["1968", "320", "18"], ["1990", "780", "41"], ["2024", "940", "56"]],
    },
    "ru": {
        "title": "История школы",
        "heading": "Как открылась школа",
        "paragraph": "Школа открылась в 1968 году в городе Кара-Балта.",
        "description": "Старое здание школы",
        "caption": "Ученики по годам",
        "headings": ["Год", "Ученики", "Учителя"],
        "rows": [["1968", "320", "18"], ["1990", "780", "41"], ["2024", "940", "56"]],
    },
}


def picture(tmp_path) -> Path:
    path = tmp_path / "old-building.png"
    image = PillowImage.new("RGB", (800, 500), "#8a6d3b")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def add_block(page, field: str, label: str):
    """Press the stream's last "+" and choose a block by its label."""
    page.locator(
        f"[data-contentpath='{field}'] button.c-sf-add-button, "
        f"#{field}-field button.c-sf-add-button"
    ).last.click()
    page.locator(".w-combobox").get_by_text(label, exact=True).click()


def fill_body(page, lang: str, image_file: Path, uploaded: bool) -> None:
    text, field = CONTENT[lang], f"body_{lang}"
    add_block(page, field, "Заголовок")
    page.locator(f"input[name='{field}-0-value']").fill(text["heading"])
    add_block(page, field, "Абзац")
    editor = page.locator(f"[data-contentpath='{field}'] .DraftEditor-root").last
    editor.click()
    page.keyboard.type(text["paragraph"])
    add_block(page, field, "Изображение")
    page.locator(
        f"[data-contentpath='{field}'] .chooser button, "
        f"[data-contentpath='{field}'] button.action-choose"
    ).last.click()
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    if uploaded:
        modal.locator("#tab-search a[data-chooser-modal-choice]").first.click()
    else:
        modal.locator("#tab-label-upload").click()
        modal.locator("#id_image-chooser-upload-file").set_input_files(str(image_file))
        modal.locator("#id_image-chooser-upload-title").fill("Старое здание школы")
        modal.locator("#tab-upload button[type=submit]").click()
    modal.wait_for(state="detached")
    page.locator(f"input[name='{field}-2-value-description']").fill(text["description"])
    add_block(page, field, "Таблица")
    prefix = f"{field}-3-value"
    page.locator(f"input[name='{prefix}-caption']").fill(text["caption"])
    table = page.locator(f"[data-contentpath='{field}'] .typed-table-block").last
    for _heading in text["headings"]:
        table.locator("button[data-append-column]").click()
        table.locator(".add-column-menu button").first.click()
    for _row in text["rows"][1:]:  # the first column brings the first row
        table.locator("button[data-add-row]").last.click()
    for column, heading in enumerate(text["headings"]):
        page.locator(f"input[name='{prefix}-column-{column}-heading']").fill(heading)
    for row, values in enumerate(text["rows"]):
        for column, value in enumerate(values):
            page.locator(f"input[name='{prefix}-cell-{row}-{column}']").fill(value)


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


def test_site_admin_builds_history_page_and_director_approves_it(
    browser,
    demo_live_server,
    tmp_path,
    axe_path,  # noqa: F811
    vnu,
):
    site = Site.objects.get(is_default_site=True)
    site_admin = make_member(site, SITE_ADMIN, "dastan.admin")
    director = make_member(site, DIRECTOR, "cholpon.director")
    base = demo_live_server.url
    image_file = picture(tmp_path)

    with admin_page(browser, base, site_admin, DESKTOP, locale="ru-RU") as page:
        page.goto(f"{base}/admin/pages/add/cms_pages/generalpage/{site.root_page_id}/")
        page.locator("input[name=title_ky]").fill(CONTENT["ky"]["title"])
        page.locator("input[name=title_ru]").fill(CONTENT["ru"]["title"])
        fill_body(page, "ky", image_file, uploaded=False)
        fill_body(page, "ru", image_file, uploaded=True)
        screenshot(page, "general-page-admin-1366.png")
        page.set_viewport_size(PHONE)
        screenshot(page, "general-page-admin-360.png")
        page.set_viewport_size(DESKTOP)
        page.get_by_role("tab", name="Продвижение").click()
        page.locator("input[name=slug]").fill("history")
        page.locator("input[name=show_in_menus]").check()
        page.locator(
            "footer .w-dropdown__toggle, .footer__container .w-dropdown__toggle"
        ).last.click()
        page.locator("button[name=action-submit]").click()
        # Away from the add form: the page is saved (its address also matched "/admin/pages/",
        # so waiting for that raced the save).
        page.wait_for_url(lambda url: "/admin/pages/add/" not in url)

    history = GeneralPage.objects.get(slug="history")
    assert not history.live
    state = history.current_workflow_state
    assert state is not None and state.current_task_state.task.specific.__class__.__name__ == (
        "GroupApprovalTask"
    ), "a clean page waits only for the director"

    with admin_page(browser, base, director, DESKTOP, locale="ru-RU") as page:
        page.goto(f"{base}/admin/pages/{history.pk}/edit/")
        page.locator(
            "footer .w-dropdown__toggle, .footer__container .w-dropdown__toggle"
        ).last.click()
        # "Approve" (the first approve action; the other one asks for a comment first).
        approve = page.locator("[data-workflow-action-name=approve]").first
        with page.expect_navigation():
            approve.click()

    history.refresh_from_db()
    assert history.live and history.show_in_menus
    assert history.url_path.endswith("/history/")

    context = browser.new_context(locale="ru-RU", bypass_csp=True, viewport=DESKTOP)
    page = context.new_page()
    try:
        files = []
        for lang in ("ky", "ru"):
            page.goto(f"{base}/{lang}/")
            menu = page.locator("nav.main-menu")
            menu.get_by_role("link", name=CONTENT[lang]["title"], exact=True).click()
            page.wait_for_url(f"**/{lang}/history/")
            assert page.locator("h1").inner_text() == CONTENT[lang]["title"]
            assert page.locator("main h2").first.inner_text() == CONTENT[lang]["heading"]
            assert page.locator("main img").get_attribute("alt") == CONTENT[lang]["description"]
            assert_image_shown(page.locator("main img"))
            assert page.locator("main caption").inner_text() == CONTENT[lang]["caption"]
            assert page.locator("main td").count() == 9
            current = menu.locator("[aria-current=page]")
            assert current.inner_text() == CONTENT[lang]["title"]
            assert axe_findings(page, axe_path) == []
            path = tmp_path / f"history-{lang}.html"
            # The HTML as served (the page now also holds the injected axe script).
            path.write_bytes(page.request.get(page.url).body())
            files.append(str(path))
            screenshot(page, f"general-page-{lang}-1366.png")
            page.set_viewport_size(PHONE)
            page.reload()
            assert_fits_the_screen(page)
            screenshot(page, f"general-page-{lang}-360.png")
            page.set_viewport_size(DESKTOP)
    finally:
        context.close()
    result = subprocess.run([*vnu, *files], capture_output=True, text=True, check=True)
    errors = [
        m for m in json.loads(result.stderr or result.stdout)["messages"] if m["type"] == "error"
    ]
    assert errors == [], json.dumps(errors, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_contacts_and_parents_pages_fit_the_screen(browser, demo_live_server, viewport):
    context = browser.new_context(locale="ru-RU", viewport=viewport)
    page = context.new_page()
    try:
        for slug in ("contacts", "parents"):
            page.goto(f"{demo_live_server.url}/ru/{slug}/")
            if viewport is PHONE:  # the menu is behind its button on a phone
                page.locator("summary.site-menu__toggle").click()
            assert page.locator("nav.main-menu a[href='/ru/contacts/']").is_visible()
            assert_fits_the_screen(page)
            screenshot(page, f"{slug}-page-{viewport['width']}.png")
    finally:
        context.close()
