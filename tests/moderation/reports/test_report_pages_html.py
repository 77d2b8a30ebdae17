"""The Nu Html Checker finds no error in the report form (empty and with its errors), the thanks
and the page that explains a page cannot be reported, in either language."""

import json
import shutil
import subprocess

import pytest
from django.test import Client

from tests.cms_pages.test_html_validity import VNU

from .visitor import HOST, report_form, scraped_token


@pytest.fixture
def vnu():
    if not VNU.exists():
        pytest.skip(f"no {VNU}: run `npm ci` (needs Node.js) to install the Nu Html Checker")
    java = shutil.which("java")
    if java is None:
        pytest.skip("no java: install a Java runtime (Debian: default-jre-headless)")
    return [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always"]


def test_the_report_pages_are_valid_html(school, quick_visitors, tmp_path, vnu):
    page_id = school.news_page.pk
    pages = {}
    for lang in ("ky", "ru"):
        client = Client()
        form = report_form(client, page_id, lang)
        pages[f"{lang}-form"] = form
        data = {"page": page_id, "comment": "<b>Ката</b> & «тексте»", "website": ""}
        data["form_token"] = scraped_token(form.content.decode())
        pages[f"{lang}-errors"] = client.post(f"/{lang}/report/", data, HTTP_HOST=HOST)
        thanks = client.post(f"/{lang}/report/", data | {"reason": "other"}, HTTP_HOST=HOST)
        pages[f"{lang}-thanks"] = client.get(thanks.url, HTTP_HOST=HOST)
        pages[f"{lang}-not-reportable"] = report_form(client, "0", lang)
    assert {name: response.status_code for name, response in pages.items()} == {
        name: 404 if name.endswith("not-reportable") else 200 for name in pages
    }
    files = []
    for name, response in pages.items():
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files.append(str(file))
    result = subprocess.run([*vnu, *files], capture_output=True, text=True, check=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if m["type"] == "error"]
    assert errors == [], json.dumps(errors, ensure_ascii=False, indent=1)
