"""axe-core finds no WCAG 2.1 A/AA violation on any public page type, in either language."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from tests.cms_pages.public_site import PAGE_TYPE_PATHS as PAGES
from tests.cms_pages.public_site import announce

pytestmark = pytest.mark.browser

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def audit_page(browser):
    """A tab that lets the test inject axe-core: the site's CSP rightly forbids inline script."""
    context = browser.new_context(locale="ky-KG", bypass_csp=True)
    yield context.new_page()
    context.close()


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
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]
    ]


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_every_public_page_type_passes_axe(audit_page, demo_live_server, axe_path, lang):
    page = audit_page
    from wagtail.models import Site

    announce(Site.objects.get(is_default_site=True), "Кулактандыруу", "Объявление", "warning")
    found = {}
    for template in PAGES:
        path = template.format(lang=lang)
        page.goto(demo_live_server.url + path)
        found[path] = violations(page, axe_path)
    assert {path: v for path, v in found.items() if v} == {}, json.dumps(found, indent=1)


def test_the_visually_impaired_mode_passes_axe(audit_page, demo_live_server, axe_path):
    page = audit_page
    page.goto(demo_live_server.url + "/ru/accessibility/?mode=on&next=/ru/news/")
    assert page.locator("html").get_attribute("class") == "a11y"
    assert violations(page, axe_path) == []
