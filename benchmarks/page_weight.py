"""How much a parent's phone downloads for the home page: HTML + CSS + JS, uncompressed, images
excluded, for the demo school in both languages. Uses its own throw-away database.

Run: .venv/bin/python benchmarks/page_weight.py   (or `make benchmark`)
"""

import contextlib
import io
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

# Issue 14: the home page's HTML and CSS together under 30 KiB (images excluded).
BUDGET = 30 * 1024
ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    var_dir = tempfile.mkdtemp(prefix="mektep-benchmark-")
    try:
        return measure(var_dir)
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


def measure(var_dir: str) -> int:
    os.makedirs(Path(var_dir) / "static")
    os.environ["MEKTEP_VAR_DIR"] = var_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "schoolsite.settings.dev"
    os.environ["DEBUG"] = "0"
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from cms_pages.export import SiteExporter

    # Migrating prints the language columns it adds; only the measurements matter here.
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("migrate", "--noinput", verbosity=0)
        call_command("load_demo", verbosity=0)
    client = Client(HTTP_HOST="localhost")
    exporter = SiteExporter("localhost", Path(var_dir) / "unused")
    over = False
    for lang in ("ky", "ru"):
        html = client.get(f"/{lang}/").content
        assets = re.findall(
            r'<(?:link rel="stylesheet" href|script[^>]* src)="([^"]+)"', html.decode()
        )
        sizes = {path: len(exporter.fetch(path).body or b"") for path in assets}
        total = len(html) + sum(sizes.values())
        over = over or total > BUDGET
        parts = ", ".join(f"{path} {size:,} B" for path, size in sizes.items())
        verdict = "under" if total <= BUDGET else "OVER"
        print(
            f"/{lang}/: HTML {len(html):,} B + {parts} = {total:,} B "
            f"({total / 1024:.1f} KiB), {verdict} the {BUDGET // 1024} KiB budget"
        )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
