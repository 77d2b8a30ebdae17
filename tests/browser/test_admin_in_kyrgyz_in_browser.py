"""Issue 15 in a real browser: a director whose admin language is Kyrgyz opens the dashboard, a
page's editor with its actions menu open, and the images; what the browser shows (including
what Wagtail's JavaScript draws: the editor's panels, the menus) holds no message of Wagtail's
English catalogues. Screenshots at 360 and 1366 px go to var/screenshots/."""

import pytest
from wagtail.models import Site
from wagtail.users.models import UserProfile

from accounts.roles import DIRECTOR, EDITOR
from cms_pages.models import NewsIndexPage, NewsPage, TeachingStaffPage
from schoolsite.catalogue_coverage import english_giveaways
from tests.browser.admin_session import admin_page
from tests.browser.screens import SCREENSHOTS, VIEWPORTS
from tests.people import make_member

pytestmark = pytest.mark.browser


def english_seen(page, english: set[str]) -> set[str]:
    """The English messages among the texts a person sees (rendered text, labels, titles)."""
    texts = page.evaluate(
        """() => {
          const seen = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const element = node.parentElement;
            if (element && element.checkVisibility && element.checkVisibility()) {
              seen.push(node.textContent);
            }
          }
          for (const element of document.querySelectorAll('[aria-label],[placeholder],[title]')) {
            if (element.checkVisibility && !element.checkVisibility()) continue;
            for (const name of ['aria-label', 'placeholder', 'title']) {
              if (element.getAttribute(name)) seen.push(element.getAttribute(name));
            }
          }
          return seen;
        }"""
    )
    return {" ".join(text.split()) for text in texts} & english


@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_a_director_sees_the_admin_in_kyrgyz(browser, demo_live_server, screen):
    site = Site.objects.get(is_default_site=True)
    director = make_member(site, DIRECTOR, f"director-ky-{screen}")
    profile = UserProfile.get_for_user(director)
    profile.preferred_language = "ky"
    profile.save()
    news = NewsIndexPage.objects.child_of(site.root_page).get()
    staff = TeachingStaffPage.objects.descendant_of(site.root_page).get()
    english = english_giveaways("ky")
    assert len(english) > 1000
    base = demo_live_server.url
    found = {}
    with admin_page(browser, base, director, VIEWPORTS[screen]) as page:
        for name, path in [
            ("dashboard", "/admin/"),
            ("explorer", f"/admin/pages/{site.root_page_id}/"),
            ("editor", f"/admin/pages/{news.pk}/edit/"),
            ("images", "/admin/images/"),
            ("staff-editor", f"/admin/pages/{staff.pk}/edit/"),
        ]:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            assert page.locator("html").get_attribute("lang") == "ky"
            if name == "editor":
                page.locator("footer .w-dropdown__toggle").last.click()
                assert page.get_by_text("Жарыялоо", exact=True).first.is_visible()
            if name == "staff-editor":
                record = page.locator("[id^='inline_child_staff_members-0']").first
                record.locator(
                    "select[name$='qualification_category']"
                ).scroll_into_view_if_needed()
                assert record.get_by_text("Квалификациялык категориясы").first.is_visible()
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"admin-ky-{name}-{screen}.png"))
            if seen := english_seen(page, english):
                found[name] = sorted(seen)
    assert found == {}


@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_a_director_approves_a_page_in_kyrgyz(browser, demo_live_server, screen):
    """Signed in with two-step verification, the director approves an article from the dashboard:
    the dialog says what goes live and where, and the dashboard then says it is live, all in
    Kyrgyz."""
    site = Site.objects.get(is_default_site=True)
    director = make_member(site, DIRECTOR, f"director-approves-{screen}")
    editor = make_member(site, EDITOR, f"editor-submits-{screen}")
    article = NewsPage.objects.descendant_of(site.root_page).live().first()
    article.title_ky = "Жаңы окуу жылына даярдык"
    article.title_ru = "Подготовка к новому учебному году"
    article.save_revision(user=editor)
    article.get_workflow().start(article, editor)
    assert "директордун бекитүүсү" in article.current_workflow_task.name
    english = english_giveaways("ky")
    base = demo_live_server.url
    shown = {}
    with admin_page(browser, base, director, VIEWPORTS[screen]) as page:
        page.goto(base + "/admin/")
        assert page.locator("h1").first.inner_text().strip() == "«Ала-Тоо» мектеби"
        row = page.locator("#awaiting-review-content tr", has_text="Жаңы окуу жылына даярдык")
        row.locator(".w-dropdown__toggle").click()
        row.get_by_role("button", name="Бекитүү", exact=True).click()
        dialog = page.locator(".modal-dialog")
        dialog.get_by_text("аны дароо баары көрөт").wait_for()
        # Bootstrap fades the dialog in; the screenshot waits for it.
        page.wait_for_function(
            "() => getComputedStyle(document.querySelector('.modal')).opacity === '1'"
        )
        assert dialog.locator("code", has_text=f"/ky/news/{article.slug}/").count() == 1
        assert dialog.locator("code", has_text=f"/ru/news/{article.slug}/").count() == 1
        page.screenshot(path=str(SCREENSHOTS / f"admin-ky-approve-dialog-{screen}.png"))
        shown["dialog"] = english_seen(page, english)
        dialog.get_by_role("button", name="Бекитүү жана жарыялоо").click()
        told = page.get_by_text("» эми сайтта:")
        told.wait_for()
        told.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / f"admin-ky-approved-{screen}.png"))
        shown["dashboard"] = english_seen(page, english)
    article.refresh_from_db()
    assert article.live and article.title_ky == "Жаңы окуу жылына даярдык"
    assert shown == {"dialog": set(), "dashboard": set()}
