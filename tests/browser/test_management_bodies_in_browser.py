"""Management bodies and their people in a real browser: the public structure page and the
admin's editing screen, where each body holds its people with their consent (a nested inline).
Screenshots at 360 px and 1366 px go to var/screenshots/ to be looked at."""

import pytest
from wagtail.models import Page

from accounts.roles import EDITOR
from cms_pages.models import StructurePage
from tests.browser.admin_session import admin_page
from tests.browser.screens import SCREENSHOTS
from tests.people import make_member

pytestmark = pytest.mark.browser

VIEWPORTS = [{"width": 360, "height": 740}, {"width": 1366, "height": 800}]


def fits(page, viewport) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= viewport["width"] + 1


def test_the_structure_page_lists_each_bodys_people_with_consent(browser, demo_live_server):
    for viewport in VIEWPORTS:
        context = browser.new_context(viewport=viewport, locale="ru-RU")
        page = context.new_page()
        try:
            page.goto(demo_live_server.url + "/ru/sveden/struct/")
            trustees = page.locator("section.record", has_text="Попечительский совет")
            assert "Алымкулов Эмиль Сапарбекович, председатель" in trustees.inner_text()
            assert trustees.locator("ul.people li").count() == 5
            assert fits(page, viewport), "the page must not scroll sideways"
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(
                path=str(SCREENSHOTS / f"structure-page-{viewport['width']}.png"), full_page=True
            )
        finally:
            context.close()


def test_an_editor_adds_a_person_to_a_body_in_the_admin(browser, demo_live_server):
    site = Page.objects.get(depth=2).get_site()
    structure = StructurePage.objects.descendant_of(site.root_page).get()
    editor = make_member(site, EDITOR, "body.editor")
    for viewport in VIEWPORTS:
        with admin_page(browser, demo_live_server.url, editor, viewport, "ru-RU") as page:
            page.goto(f"{demo_live_server.url}/admin/pages/{structure.pk}/edit/")
            people = page.locator(
                "#id_management_bodies-0-people-FORMS > [data-inline-panel-child]"
            )
            assert people.count() == 3
            assert fits(page, viewport), "the editing screen must not scroll sideways"
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.locator("#inline_child_management_bodies-1-people-0").scroll_into_view_if_needed()
            page.screenshot(
                path=str(SCREENSHOTS / f"admin-management-bodies-{viewport['width']}.png")
            )
    with admin_page(browser, demo_live_server.url, editor, VIEWPORTS[1], "ru-RU") as page:
        page.goto(f"{demo_live_server.url}/admin/pages/{structure.pk}/edit/")
        page.locator("#id_management_bodies-0-people-ADD").click()
        prefix = "management_bodies-0-people-3"
        page.fill(f"[name={prefix}-full_name_ky]", "Токтосунова Жылдыз")
        page.fill(f"[name={prefix}-full_name_ru]", "Токтосунова Жылдыз")
        page.select_option(f"[name={prefix}-role]", "member")
        page.fill(f"[name={prefix}-consent_date]", "2025-10-15")
        page.locator(f"[name={prefix}-consent_date]").press("Escape")
        page.locator("button.action-save").first.click()
        page.wait_for_load_state("networkidle")
    draft = StructurePage.objects.get(pk=structure.pk).get_latest_revision_as_object()
    added = [p for p in draft.management_bodies.all()[0].people.all() if p.sort_order == 3]
    assert [(p.full_name_ru, str(p.consent_date)) for p in added] == [
        ("Токтосунова Жылдыз", "2025-10-15")
    ]
    # A draft: the public page does not have her yet.
    assert (
        not StructurePage.objects.get(pk=structure.pk)
        .public_management_bodies()[0]
        .people.filter(full_name_ru="Токтосунова Жылдыз")
    )
