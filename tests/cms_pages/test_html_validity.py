"""The Nu Html Checker (vnu) finds no error in any public page type, in either language."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string

from .public_site import PAGE_TYPE_PATHS as PAGES
from .public_site import announce

pytestmark = pytest.mark.django_db

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture
def vnu():
    if not VNU.exists():
        pytest.skip(f"no {VNU}: run `npm ci` (needs Node.js) to install the Nu Html Checker")
    java = shutil.which("java")
    if java is None:
        pytest.skip("no java: install a Java runtime (Debian: default-jre-headless)")
    return [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always"]


def test_every_public_page_type_is_valid_html(client, demo_site, tmp_path, vnu):
    announce(demo_site, "Кулактандыруу", "Объявление")
    files = []
    for lang in ("ky", "ru"):
        for number, template in enumerate(PAGES):
            response = client.get(template.format(lang=lang))
            file = tmp_path / f"{lang}-{number}.html"
            file.write_bytes(response.content)
            files.append(str(file))
    (tmp_path / "500.html").write_text(render_to_string("500.html"), encoding="utf-8")
    files.append(str(tmp_path / "500.html"))
    result = subprocess.run([*vnu, *files], capture_output=True, text=True, check=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if m["type"] == "error"]
    assert errors == [], json.dumps(errors, ensure_ascii=False, indent=1)
