"""Issue 15 in a real browser: a director whose admin language is Kyrgyz opens the dashboard, a
page's editor with its actions menu open, and the images; what the browser shows (including
what Wagtail's JavaScript draws: the editor's panels, the menus) holds no message of Wagtail's
English catalogues. Screenshots at 360 and 1366 px go to var/screenshots/."""

import pytest
from wagtail.models import Site
from wagtail.users.models import UserProfile

from accounts.roles import DIRECTOR
from cms_pages.models import NewsIndexPage
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
        ]:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            assert page.locator("html").get_attribute("lang") == "ky"
            if name == "editor":
                page.locator("footer .w-dropdown__toggle").last.click()
                assert page.get_by_text("Жарыялоо", exact=True).first.is_visible()
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"admin-ky-{name}-{screen}.png"))
            if seen := english_seen(page, english):
                found[name] = sorted(seen)
    assert found == {}
