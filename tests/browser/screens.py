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
