"""The Nu Html Checker (vnu, from npm) run on saved pages: the errors it finds."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_command() -> list[str]:
    """The checker's command line; the test is skipped, saying what to install, without it."""
    if not VNU.exists():
        pytest.skip(f"no {VNU}: run `npm ci` (needs Node.js) to install the Nu Html Checker")
    java = shutil.which("java")
    if java is None:
        pytest.skip("no java: install a Java runtime (Debian: default-jre-headless)")
    return [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always"]


def html_errors(vnu: list[str], files) -> list[dict]:
    result = subprocess.run([*vnu, *map(str, files)], capture_output=True, text=True, check=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [message for message in messages if message["type"] == "error"]


def saved(tmp_path, pages: dict) -> list[Path]:
    """Each response's body in a file of tmp_path named after its key."""
    files = []
    for name, response in pages.items():
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files.append(file)
    return files
