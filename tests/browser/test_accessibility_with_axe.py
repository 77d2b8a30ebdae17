"""axe-core finds no WCAG 2.1 A/AA violation on any public page type, in either language, on a
360 px phone (with the menu open, so its links are audited too) and on a 1366 px desktop.

Colour contrast that axe could not decide counts as a failure: axe files text whose colour
equals its background under "incomplete", which once hid an invisible menu. Each page is also
checked to be styled (a check of an unstyled page would prove nothing) and to fit the screen,
and its screenshot is saved under var/screenshots/axe/ for a reviewer.
"""

import json
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser import screens
from tests.browser.screens import HEADER_BLUE, VIEWPORTS
from tests.cms_pages.public_site import PAGE_TYPE_PATHS as PAGES
from tests.cms_pages.public_site import announce

pytestmark = pytest.mark.browser

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = screens.SCREENSHOTS / "axe"


@pytest.fixture
def audit_page(browser):
    """A tab that lets the test inject axe-core: the site's CSP rightly forbids inline script."""
    context = browser.new_context(locale="ky-KG", bypass_csp=True)
    yield context.new_page()
    context.close()


def screenshot_name(path: str, width: int) -> str:
    name = path.strip("/").split("?")[0].replace("/", "-") or "root"
    return f"{name}-{width}.png"


@pytest.fixture
def axe_path():
    if not AXE.exists():
        pytest.skip(f"no {AXE}: run `npm ci` (needs Node.js) to install axe-core")
    return str(AXE)


def violations(page, axe_path):
    page.add_script_tag(path=axe_path)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    found = [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]
    ]
    return found + [
        {
            "incomplete": v["id"],
            "nodes": [[n["target"], [check["message"] for check in n["any"]]] for n in v["nodes"]],
        }
        for v in result["incomplete"]
        if v["id"] == "color-contrast"
    ]


@pytest.mark.parametrize("device", VIEWPORTS)
@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_every_public_page_type_passes_axe(audit_page, demo_live_server, axe_path, lang, device):
    page = audit_page
    viewport = VIEWPORTS[device]
    page.set_viewport_size(viewport)
    from wagtail.models import Site

    announce(Site.objects.get(is_default_site=True), "Кулактандыруу", "Объявление", "warning")
    found, unstyled, too_wide = {}, [], {}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for template in PAGES:
        path = template.format(lang=lang)
        page.goto(demo_live_server.url + path)
        header = page.locator("header.site-header")
        if header.evaluate("h => getComputedStyle(h).backgroundColor") != HEADER_BLUE:
            unstyled.append(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > viewport["width"]:
            too_wide[path] = width
        if device == "phone":  # the menu open, so that axe sees its links
            page.locator("summary.site-menu__toggle").click()
        page.screenshot(path=str(SCREENSHOTS / screenshot_name(path, viewport["width"])))
        found[path] = violations(page, axe_path)
    assert unstyled == []
    assert too_wide == {}
    assert {path: v for path, v in found.items() if v} == {}, json.dumps(found, indent=1)


def test_the_visually_impaired_mode_passes_axe(audit_page, demo_live_server, axe_path):
    page = audit_page
    page.goto(demo_live_server.url + "/ru/accessibility/?mode=on&next=/ru/news/")
    assert page.locator("html").get_attribute("class") == "a11y"
    assert violations(page, axe_path) == []
