"""Where the browser tests save what they saw, and the colour that shows the site's own
stylesheet is loaded (the header's blue, as the browser computes it)."""

from pathlib import Path

from django.conf import settings

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
HEADER_BLUE = "rgb(11, 92, 173)"
# The two screens the public pages are checked on: a small phone and a common laptop.
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 768}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


def assert_styled_and_fitting(page, viewport, colour=HEADER_BLUE):
    """The site's stylesheet is loaded (a check of an unstyled page would prove nothing: the
    header has its blue) and the page is no wider than the screen."""
    header = page.locator("header.site-header")
    assert header.evaluate("element => getComputedStyle(element).backgroundColor") == colour
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
