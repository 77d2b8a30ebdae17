"""A real headless Chromium (Debian's package) driven by Playwright against a live server."""

import os
import shutil

import pytest
from wagtail.models import Site

from tests.demo_snapshot import DemoSnapshot

CHROMIUM = os.environ.get("MEKTEP_CHROMIUM", "/usr/bin/chromium")
# Chromium's own background traffic is refused on a closed network; these flags keep it quiet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the tests still touch the database
# only between browser calls, never concurrently.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) or os.path.exists(CHROMIUM):
        return
    skip = pytest.mark.skip(
        reason=f"no Chromium at {CHROMIUM}: install Debian's `chromium` to run the browser tests"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ky-KG")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="ru-RU",
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup) -> DemoSnapshot:
    """The demo school as `load_demo` commits it, taken by the first test that needs it."""
    return DemoSnapshot()


@pytest.fixture
def demo_live_server(live_server, transactional_db, demo_snapshot):
    """The demo school served by a live server on 127.0.0.1 (its default site).

    A live server needs committed data, so the database is emptied after each test. The first
    test of a worker loads the demo school with `load_demo`; each later one gets the same
    school back from its copy (tests/demo_snapshot.py) instead of loading it again.
    """
    if demo_snapshot.taken:
        demo_snapshot.restore()
    else:
        demo_snapshot.load()
    assert Site.objects.filter(is_default_site=True).exists()
    return live_server
